import { noteName } from '../markdown/plain-text';
import { deleteNote } from '../state/actions';
import { notesByExcerpt } from '../state/derived';
import { notes } from '../state/workspace';
import { closeDialog, Modal } from '../ui/Modal';

/** Deleting a note whose excerpts nothing else cites: keep them as plain highlights, or remove them too. */
export function DeleteDialog({ noteId }: { noteId: string }) {
  const note = notes.value.get(noteId);
  if (!note) return null;
  const alone = note.excerptIds.filter((id) => (notesByExcerpt.value.get(id) ?? []).length <= 1).length;
  const run = (keepExcerpts: boolean): void => {
    closeDialog();
    void deleteNote(noteId, keepExcerpts);
  };
  return (
    <Modal title={`Delete this ${note.kind === 'lead' ? 'lead' : 'annotation'}?`}>
      {noteName(note.body) && <p class="quote-preview">“{noteName(note.body)}”</p>}
      <p>
        {alone === 1 ? 'Its excerpt is not cited by any other note.' : `${alone} of its excerpts are not cited by any other note.`} Keep {alone === 1 ? 'it' : 'them'} as plain highlights in the article?
      </p>
      <div class="modal-actions">
        <button type="button" onClick={closeDialog}>
          Cancel
        </button>
        <button type="button" onClick={() => run(true)}>
          Delete note, keep highlight{alone === 1 ? '' : 's'}
        </button>
        <button type="button" class="danger primary" autoFocus onClick={() => run(false)}>
          Delete note and highlight{alone === 1 ? '' : 's'}
        </button>
      </div>
    </Modal>
  );
}
