import { dialog, SAVE_LABELS, saveState } from '../state/ui';


/** The pane's own commands, for the browser host (no menu bar) and for mouse users everywhere. */
export function PaneHeader() {
  return (
    <header class="pane-header">
      <span class={`save-indicator ${saveState.value}`} role="status" aria-live="polite">
        {SAVE_LABELS[saveState.value]}
      </span>
      <button type="button" onClick={() => (dialog.value = { kind: 'import-annotations' })} title="Import annotations: W3C Web Annotations (JSON-LD) or Hypothesis JSON">
        Import…
      </button>
      <button type="button" onClick={() => (dialog.value = { kind: 'export', scope: 'article' })} title="Export: Markdown, Obsidian, Web Annotations or leads as CSV (Ctrl+E)">
        Export…
      </button>
      <button type="button" onClick={() => (dialog.value = { kind: 'backups' })} title="Restore a backup">
        Backups…
      </button>
      <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => (dialog.value = { kind: 'shortcuts' })}>
        ?
      </button>
    </header>
  );
}
