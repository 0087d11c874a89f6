import { useComputed, useSignal } from '@preact/signals';
import { LEAD_STATUS_LABELS, type Selectors } from '@shared/model';
import { linkSelection } from '../state/actions';
import { orderedNotes } from '../state/derived';
import { NO_FILTERS } from '../state/ui';
import { excerpts, recordsPending } from '../state/workspace';
import { closeDialog, CloseFooter, Modal } from '../ui/Modal';
import { matchesFilters } from './note-list';

/** Picks an existing note for the selection: type to filter, arrows to choose, Enter to link. */
const SHOWN = 100;

export function LinkPicker({ selectors }: { selectors: Selectors }) {
  const query = useSignal('');
  const active = useSignal(0);
  const matches = useComputed(() => orderedNotes.value.filter((note) => matchesFilters(note, excerpts.value, { ...NO_FILTERS, query: query.value })));

  const pick = (noteId: string): void => {
    closeDialog();
    void linkSelection(noteId, selectors);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const count = Math.min(SHOWN, matches.value.length);
    if (event.key === 'ArrowDown' && count) active.value = (active.value + 1) % count;
    else if (event.key === 'ArrowUp' && count) active.value = (active.value - 1 + count) % count;
    else if (event.key === 'Enter' && count) pick(matches.value[Math.min(active.value, count - 1)]!.id);
    else return;
    event.preventDefault();
  };

  return (
    <Modal title="Link to note" class="link-picker">
      <p class="quote-preview">“{selectors.quote.exact.length > 160 ? `${selectors.quote.exact.slice(0, 160)}…` : selectors.quote.exact}”</p>
      <input
        type="search"
        autoFocus
        aria-label="Find a note"
        placeholder="Find a note by its text, tags or excerpts"
        value={query.value}
        onInput={(e) => {
          query.value = e.currentTarget.value;
          active.value = 0;
        }}
        onKeyDown={onKeyDown}
        aria-controls="link-picker-list"
        aria-activedescendant={matches.value[active.value] ? `pick-${matches.value[active.value]!.id}` : undefined}
      />
      {matches.value.length === 0 ? (
        <p class="no-match">{recordsPending.value ? 'The notes are still loading…' : orderedNotes.value.length === 0 ? 'There are no notes yet: use Annotate or Add lead first.' : 'No note matches.'}</p>
      ) : (
        <ul id="link-picker-list" role="listbox" aria-label="Notes" class="picker-list">
          {matches.value.slice(0, SHOWN).map((note, i) => (
            <li key={note.id} id={`pick-${note.id}`} role="option" aria-selected={i === active.value} class={i === active.value ? 'active' : ''} onMouseEnter={() => (active.value = i)} onClick={() => pick(note.id)}>
              <span class={`kind-badge ${note.kind}`}>{note.kind === 'lead' ? `Lead · ${LEAD_STATUS_LABELS[note.status ?? 'open']}` : 'Annotation'}</span>
              <span class="picker-text">{note.body.trim().split('\n', 1)[0] || excerpts.value.get(note.excerptIds[0] ?? '')?.quote.exact.slice(0, 100) || '(empty note)'}</span>
            </li>
          ))}
        </ul>
      )}
      <CloseFooter label="Cancel" />
    </Modal>
  );
}
