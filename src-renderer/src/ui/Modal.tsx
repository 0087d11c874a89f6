import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { dialog } from '../state/ui';

/** A native modal <dialog>: focus is trapped and Escape closes it. */
export function Modal({ title, children, class: className }: { title: string; children: ComponentChildren; class?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  // The dialog state this one was opened for: its close event comes a task after it closes (or
  // after it is removed, the next dialog already open), and must not close that next one.
  const openedFor = useRef(dialog.peek());
  const release = (): void => {
    if (dialog.peek() === openedFor.current) dialog.value = null;
  };
  useEffect(() => {
    const element = ref.current!;
    if (!element.open) element.showModal();
    return () => element.close();
  }, []);
  return (
    // Escape closes the dialog at once, but its close event comes a task later: until then the
    // app still thought a dialog was open and refused the next shortcut (Ctrl+E again, Ctrl+Shift+V).
    <dialog ref={ref} class={`modal ${className ?? ''}`} aria-label={title} onCancel={release} onClose={release}>
      <h2 class="modal-title">{title}</h2>
      {children}
    </dialog>
  );
}

export function closeDialog(): void {
  dialog.value = null;
}

/** The footer of a dialog with nothing to confirm: one button that closes it ("Close", or "Cancel" where the dialog waits for an action of its own). */
export function CloseFooter({ label = 'Close' }: { label?: 'Close' | 'Cancel' }) {
  return (
    <div class="modal-actions">
      <button type="button" onClick={closeDialog}>
        {label}
      </button>
    </div>
  );
}

/** The footer of a dialog that does something: Cancel, and the action (disabled while it runs or cannot yet). */
export function ActionFooter({ label, disabled, onAction, autoFocus = false }: { label: string; disabled: boolean; onAction: () => void; autoFocus?: boolean }) {
  return (
    <div class="modal-actions">
      <button type="button" onClick={closeDialog}>
        Cancel
      </button>
      <button type="button" class="primary" disabled={disabled} autoFocus={autoFocus} onClick={onAction}>
        {label}
      </button>
    </div>
  );
}
