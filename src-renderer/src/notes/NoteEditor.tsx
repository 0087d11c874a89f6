import { useEffect, useRef } from 'preact/hooks';
import type { Note } from '@shared/model';
import { closeEditor, editBody, editTags, flushEdits } from '../state/actions';
import { takeTypeAhead } from '../state/type-ahead';
import { SAVE_LABELS, saveState } from '../state/ui';


/** The body is an uncontrolled textarea: typing never re-renders the pane, saves are debounced. */
export function NoteEditor({ note }: { note: Note }) {
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const area = bodyRef.current!;
    const typed = takeTypeAhead();
    if (typed) {
      area.value += typed;
      editBody(note.id, area.value);
    }
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);

  const finish = (): void => {
    const card = bodyRef.current?.closest<HTMLElement>('.note-card');
    closeEditor();
    card?.focus();
  };

  return (
    <div class="note-editor" onClick={(e) => e.stopPropagation()}>
      <textarea
        ref={bodyRef}
        class="body-input"
        aria-label={note.kind === 'lead' ? 'Lead' : 'Annotation'}
        placeholder={note.kind === 'lead' ? 'What needs following up? (Markdown)' : 'What do you make of this passage? (Markdown)'}
        defaultValue={note.body}
        rows={Math.min(14, Math.max(4, note.body.split('\n').length + 1))}
        onInput={(e) => editBody(note.id, e.currentTarget.value)}
        onBlur={() => void flushEdits()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
            e.preventDefault();
            finish();
          }
        }}
      />
      <div class="editor-foot">
        <input
          class="tags-input"
          aria-label="Tags"
          placeholder="Tags, separated by spaces"
          defaultValue={note.tags.join(' ')}
          onInput={(e) => editTags(note.id, e.currentTarget.value)}
          onBlur={() => void flushEdits()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void flushEdits();
            if (e.key === 'Escape') finish();
          }}
        />
        <span class="save-state" role="status" aria-live="polite">
          {SAVE_LABELS[saveState.value]}
        </span>
      </div>
    </div>
  );
}
