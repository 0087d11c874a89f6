import { toast } from '../state/ui';

export function ToastHost() {
  const current = toast.value;
  return (
    <div class="toast-host" role="status" aria-live="polite">
      {current && (
        <div key={current.id} class={`toast ${current.tone}`} role={current.tone === 'error' ? 'alert' : undefined}>
          <span>{current.message}</span>
          {current.action && (
            <button
              type="button"
              onClick={() => {
                toast.value = null;
                current.action!.run();
              }}
            >
              {current.action.label}
            </button>
          )}
          <button type="button" class="close" aria-label="Dismiss" onClick={() => (toast.value = null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
