import { useEffect, useRef, useState } from 'preact/hooks';
import { isCommandKey } from '@shared/commands';
import type { Note } from '@shared/model';
import { isMac } from '../platform';
import { closeEditor, editBody, editTags } from '../state/actions';
import { draftOf } from '../state/drafts';
import { requestSave } from '../state/mutation-queue';
import { takeTypeAhead } from '../state/type-ahead';
import { SAVE_LABELS, saveState } from '../state/ui';

/**
 * The fields are uncontrolled: typing never re-renders the pane. What is typed goes to the
 * note's draft in the notes state, which the mutation queue saves after a pause; the
 * fields start from that draft, so an editor mounted again shows what was typed.
 */
export function NoteEditor({ note }: { note: Note }) {
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // Read once, without subscribing: the fields own their text while they are open.
  const [initial] = useState(() => {
    const draft = draftOf(note.id).peek();
    return { body: draft?.body ?? note.body, tags: draft?.tags?.join(' ') ?? note.tags.join(' ') };
  });

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

  // Another window saved this note while it is open here (the change check reloaded it):
  // show that text — unless something typed here still waits to be saved, which wins.
  const tagsRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (draftOf(note.id).peek()) return;
    const area = bodyRef.current;
    if (area && area.value !== note.body) area.value = note.body;
    const tags = tagsRef.current;
    const saved = note.tags.join(' ');
    if (tags && tags.value.split(/\s+/).filter(Boolean).join(' ') !== saved) tags.value = saved;
  }, [note.body, note.tags]);

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
        defaultValue={initial.body}
        rows={Math.min(14, Math.max(4, initial.body.split('\n').length + 1))}
        onInput={(e) => editBody(note.id, e.currentTarget.value)}
        onKeyDown={(e) => {
          if (isCommandKey('stop-editing', e, isMac)) {
            e.preventDefault();
            finish();
          }
        }}
      />
      <div class="editor-foot">
        <input
          ref={tagsRef}
          class="tags-input"
          aria-label="Tags"
          placeholder="Tags, separated by spaces"
          defaultValue={initial.tags}
          onInput={(e) => editTags(note.id, e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void requestSave();
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
