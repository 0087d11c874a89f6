import { useComputed, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { LEAD_STATUS_LABELS, type Note, type Selectors } from '@shared/model';
import { noteName } from '../markdown/plain-text';
import { linkSelection } from '../state/actions';
import { orderedNotes } from '../state/derived';
import { NO_FILTERS } from '../state/ui';
import { excerpts, recordsPending } from '../state/workspace';
import { closeDialog, CloseFooter, Modal } from '../ui/Modal';
import { matchesFilters } from './note-list';

/**
 * Picks an existing note for the selection: an ARIA combobox (the APG's editable combobox
 * with list autocomplete). Typing filters the listbox; ↑/↓ move the active option (the input
 * keeps the focus, aria-activedescendant points at the option), Enter links to it, Escape
 * clears what was typed and, when nothing is typed, closes the dialog. The pointer makes an
 * option active when it moves over it (not on mouseenter: a pointer resting where the list
 * opens would take the active option from the keyboard).
 */
const SHOWN = 100;
/** An option's text runs to the list's edge, where CSS ends it with an ellipsis. */
const NAME_LENGTH = 200;
const LIST_ID = 'link-picker-list';
const optionId = (noteId: string): string => `pick-${noteId}`;

/** Each option's name: the note's text (or its excerpt's), with “(2)”, “(3)”… on repeats, so a screen reader can tell them apart. */
function optionNames(notes: readonly Note[]): string[] {
  const seen = new Map<string, number>();
  return notes.map((note) => {
    const name = noteName(note.body, NAME_LENGTH) || excerpts.value.get(note.excerptIds[0] ?? '')?.quote.exact.slice(0, NAME_LENGTH) || '(empty note)';
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count > 1 ? `${name} (${count})` : name;
  });
}

export function LinkPicker({ selectors }: { selectors: Selectors }) {
  const query = useSignal('');
  const active = useSignal(0);
  const allMatches = useComputed(() => orderedNotes.value.filter((note) => matchesFilters(note, excerpts.value, { ...NO_FILTERS, query: query.value })));
  const matches = useComputed(() => allMatches.value.slice(0, SHOWN));
  const names = useComputed(() => optionNames(matches.value));
  const activeNote = matches.value[active.value];

  // The active option stays in the list's view as the arrows move it.
  useEffect(() => {
    if (activeNote) document.getElementById(optionId(activeNote.id))?.scrollIntoView({ block: 'nearest' });
  }, [activeNote?.id]);

  const pick = (noteId: string): void => {
    closeDialog();
    void linkSelection(noteId, selectors);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const count = matches.value.length;
    if (event.key === 'ArrowDown' && count) active.value = (active.value + 1) % count;
    else if (event.key === 'ArrowUp' && count) active.value = (active.value - 1 + count) % count;
    else if (event.key === 'Enter' && activeNote) pick(activeNote.id);
    else if (event.key === 'Escape' && query.value) {
      // The dialog's own Escape (close) waits for an empty field.
      query.value = '';
      active.value = 0;
    } else return;
    event.preventDefault();
  };

  const expanded = matches.value.length > 0;
  return (
    <Modal title="Link to note" class="link-picker">
      <p class="quote-preview">“{selectors.quote.exact.length > 160 ? `${selectors.quote.exact.slice(0, 160)}…` : selectors.quote.exact}”</p>
      <input
        type="text"
        role="combobox"
        autoFocus
        autoComplete="off"
        aria-label="Find a note"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={LIST_ID}
        aria-activedescendant={expanded && activeNote ? optionId(activeNote.id) : undefined}
        placeholder="Find a note by its text, tags or excerpts"
        value={query.value}
        onInput={(e) => {
          query.value = e.currentTarget.value;
          active.value = 0;
        }}
        onKeyDown={onKeyDown}
      />
      {!expanded && (
        <p class="no-match" role="status">
          {recordsPending.value ? 'The notes are still loading…' : orderedNotes.value.length === 0 ? 'There are no notes yet: use Annotate or Add lead first.' : 'No note matches.'}
        </p>
      )}
      {allMatches.value.length > SHOWN && (
        <p class="picker-more" role="status">
          Showing the first {SHOWN} of {allMatches.value.length} notes: type to narrow the list.
        </p>
      )}
      <ul id={LIST_ID} role="listbox" aria-label="Notes" class="picker-list" hidden={!expanded}>
        {matches.value.map((note, i) => (
          <li key={note.id} id={optionId(note.id)} role="option" aria-selected={i === active.value} class={i === active.value ? 'active' : ''} onMouseMove={() => (active.value = i)} onClick={() => pick(note.id)}>
            <span class={`kind-badge ${note.kind}`}>{note.kind === 'lead' ? `Lead · ${LEAD_STATUS_LABELS[note.status ?? 'open']}` : 'Annotation'}</span>
            <span class="picker-text">{names.value[i]}</span>
          </li>
        ))}
      </ul>
      <CloseFooter label="Cancel" />
    </Modal>
  );
}
