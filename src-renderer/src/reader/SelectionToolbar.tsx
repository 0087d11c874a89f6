import { tooltip } from '@shared/commands';
import { isMac } from '../platform';
import { createNote, deleteExcerpt, highlightSelection, reattachExcerpt } from '../state/actions';
import { dialog, reattaching } from '../state/ui';
import { canonical } from '../state/workspace';
import { selectorsFor } from '@shared/anchoring/describe-range';
import { readerSelection, type ReaderSelection } from './selection';

const TOOLBAR_HEIGHT = 40;

/** Actions on the reader's selection; mousedown is cancelled so clicking keeps the selection. */
export function SelectionToolbar() {
  const selection = readerSelection.value;
  if (!selection) return null;
  const placeAbove = selection.rect.top > TOOLBAR_HEIGHT + 12;
  const style = {
    top: `${placeAbove ? selection.rect.top - TOOLBAR_HEIGHT - 8 : selection.rect.bottom + 8}px`,
    left: `${Math.max(8, Math.min(window.innerWidth - 340, (selection.rect.left + selection.rect.right) / 2 - 160))}px`,
  };
  return (
    <div class="selection-toolbar" role="toolbar" aria-label="Selection actions" style={style} onMouseDown={(e) => e.preventDefault()}>
      {reattaching.value && !selection.excerptId && (
        <button type="button" class="primary" onClick={() => void act('reattach')} title="Point the orphaned excerpt at this passage">
          Re-attach to Selection
        </button>
      )}
      <button type="button" onClick={() => void act('annotate')} title={tooltip('annotate', isMac, 'Annotate')}>
        Annotate
      </button>
      <button type="button" onClick={() => void act('lead')} title={tooltip('add-lead', isMac, 'Add lead')}>
        Add lead
      </button>
      <button type="button" onClick={() => void act('link')} title={tooltip('link-to-note', isMac, 'Link to note')}>
        Link to note…
      </button>
      {!selection.excerptId && (
        <button type="button" onClick={() => void act('highlight')} title={tooltip('highlight', isMac, 'Highlight without a note')}>
          Highlight
        </button>
      )}
      {selection.excerptId && (
        <button type="button" class="danger" onClick={() => void removeHighlight(selection)}>
          Remove highlight
        </button>
      )}
    </div>
  );
}

export type SelectionAction = 'annotate' | 'lead' | 'link' | 'highlight' | 'reattach';

/** Turns the current selection into an excerpt with a new note, or opens the link picker. */
export async function act(action: SelectionAction): Promise<void> {
  const selection = readerSelection.value;
  if (!selection) return;
  const selectors = selectorsFor(canonical.value.text, selection);
  clearSelection();
  if (action === 'link') {
    dialog.value = { kind: 'link-picker', selectors };
    return;
  }
  if (action === 'highlight') {
    await highlightSelection(selectors);
    return;
  }
  if (action === 'reattach') {
    if (reattaching.value) await reattachExcerpt(reattaching.value, selectors);
    return;
  }
  await createNote(action === 'lead' ? 'lead' : 'annotation', selectors);
}

async function removeHighlight(selection: ReaderSelection): Promise<void> {
  clearSelection();
  if (selection.excerptId) await deleteExcerpt(selection.excerptId);
}

function clearSelection(): void {
  document.getSelection()?.removeAllRanges();
  readerSelection.value = null;
}
