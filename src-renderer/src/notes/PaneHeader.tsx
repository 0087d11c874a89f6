import { tooltip } from '@shared/commands';
import { runCommand } from '../keyboard';
import { isMac } from '../platform';
import { SAVE_LABELS, saveState } from '../state/ui';


/** The pane's own commands, for the browser host (no menu bar) and for mouse users everywhere. */
export function PaneHeader() {
  return (
    <header class="pane-header">
      <span class={`save-indicator ${saveState.value}`} role="status" aria-live="polite">
        {SAVE_LABELS[saveState.value]}
      </span>
      <button type="button" onClick={() => runCommand('import-annotations')} title="Import annotations: W3C Web Annotations (JSON-LD) or Hypothesis JSON">
        Import…
      </button>
      <button type="button" onClick={() => runCommand('export-markdown')} title={tooltip('export-markdown', isMac, 'Export: Markdown, Obsidian, Web Annotations or leads as CSV')}>
        Export…
      </button>
      <button type="button" onClick={() => runCommand('restore-backup')} title="Restore a backup">
        Backups…
      </button>
      <button type="button" aria-label="Appearance" title="Appearance: theme, text size, reading width" onClick={() => runCommand('view-settings')}>
        Aa
      </button>
      <button type="button" aria-label="Keyboard shortcuts" title={tooltip('show-shortcuts', isMac)} onClick={() => runCommand('show-shortcuts')}>
        ?
      </button>
    </header>
  );
}
