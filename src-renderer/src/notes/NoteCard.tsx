import { useComputed } from '@preact/signals';
import { memo } from 'preact/compat';
import { isCommandKey } from '@shared/commands';
import { isMac } from '../platform';
import { useState } from 'preact/hooks';
import { LEAD_STATUS_LABELS, LeadStatusSchema, type Excerpt, type LeadStatus, type Note } from '@shared/model';
import { ApiCallError, call } from '../api/client';
import { copyText } from '../ui/clipboard';
import { noteLink } from '../deep-links';
import { followLinkClick } from '../ui/external-links';
import { noteName } from '../markdown/plain-text';
import { renderMarkdown } from '../markdown/render-markdown';
import { revealExcerpts } from '../reader/navigation';
import { closeEditor, confirmExcerpt, deleteNote, openEditor, setStatus, unlinkExcerpt } from '../state/actions';
import { notesByExcerpt } from '../state/derived';
import { dialog, editingNoteId, focusedNoteId, reattaching, showToast } from '../state/ui';
import { anchors, excerpts } from '../state/workspace';
import { NoteEditor } from './NoteEditor';

const FOLD_AT = 280;

interface CardProps {
  note: Note;
  /** Its place in the list (from 0) and the list's length: the list is virtual, so screen readers hear them from these. */
  index: number;
  setSize: number;
  /** Its offset in the list, in px, measured by the virtual list. */
  top: number;
  /**
   * Not built yet (a jump's screenful is built over a few frames): an empty card of this
   * estimated height, busy, and not measured. Null once built.
   */
  shellHeight: number | null;
  /** Reports the card's element so its height is measured (and measured again as it changes). */
  measure: (element: HTMLElement | null) => void;
}

export const NoteCard = memo(function NoteCard({ note, index, setSize, top, shellHeight, measure }: CardProps) {
  const focused = useComputed(() => focusedNoteId.value === note.id);
  const editing = useComputed(() => editingNoteId.value === note.id);
  const kindLabel = note.kind === 'lead' ? 'Lead' : 'Annotation';

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget) return;
    if (isCommandKey('edit-card', event, isMac)) {
      event.preventDefault();
      openEditor(note.id);
    } else if (isCommandKey('delete-card', event, isMac)) {
      event.preventDefault();
      requestDelete(note);
    } else if (isCommandKey('show-excerpts', event, isMac)) {
      event.preventDefault();
      revealExcerpts(note.excerptIds);
    }
  };

  // What a shell and a built card share: who it is and where it sits in the list.
  const place = { id: `note-${note.id}`, 'data-note-id': note.id, 'data-index': index, 'aria-setsize': setSize, 'aria-posinset': index + 1 };
  if (shellHeight !== null) {
    return <li {...place} aria-busy="true" style={{ transform: `translateY(${top}px)`, height: `${shellHeight}px` }} class={`note-card shell ${note.kind}`} />;
  }

  // The card's place (top) changes whenever a card above it is measured: only this element
  // is then re-rendered, not its content (CardContent is memoised on the note).
  return (
    <li
      ref={measure}
      {...place}
      style={{ transform: `translateY(${top}px)` }}
      class={`note-card ${note.kind}${focused.value ? ' focused' : ''}${editing.value ? ' editing' : ''}`}
      tabIndex={0}
      aria-label={`${kindLabel}${note.status ? `, ${LEAD_STATUS_LABELS[note.status]}` : ''}: ${noteName(note.body) || 'empty'}`}
      aria-current={focused.value ? 'true' : undefined}
      onKeyDown={onKeyDown}
      onClick={() => (focusedNoteId.value = note.id)}
    >
      <CardContent note={note} editing={editing.value} />
    </li>
  );
});

const CardContent = memo(function CardContent({ note, editing }: { note: Note; editing: boolean }) {
  // Read in render, not in a computed: the computed would keep the first `note` prop it saw.
  const quotes = note.excerptIds.map((id) => excerpts.value.get(id)).filter((e): e is Excerpt => e !== undefined);
  const kindLabel = note.kind === 'lead' ? 'Lead' : 'Annotation';
  return (
    <>
      <div class="card-head">
        <span class={`kind-badge ${note.kind}`}>{kindLabel}</span>
        {note.kind === 'lead' && note.status && <StatusSelect note={note} status={note.status} />}
      </div>
      {quotes.length > 0 && (
        <ul class="quotes">
          {quotes.map((excerpt) => (
            <Quote key={excerpt.id} noteId={note.id} excerpt={excerpt} />
          ))}
        </ul>
      )}
      {editing ? (
        <NoteEditor note={note} />
      ) : note.body ? (
        <div class="note-body markdown" onClick={followLinkClick} onAuxClick={followLinkClick} dangerouslySetInnerHTML={{ __html: renderMarkdown(note.body) }} />
      ) : (
        <p class="note-body placeholder">Nothing written yet.</p>
      )}
      {!editing && note.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {note.tags.map((tag) => (
            <li key={tag} class="tag">
              #{tag}
            </li>
          ))}
        </ul>
      )}
      <div class="card-actions">
        {editing ? (
          <button type="button" onClick={closeEditor}>
            Done
          </button>
        ) : (
          <button type="button" onClick={() => openEditor(note.id)}>
            Edit
          </button>
        )}
        <button type="button" onClick={() => void copyNote(note.id)}>
          Copy as Markdown
        </button>
        <button type="button" title="A leadline:// link that opens this note from other apps" onClick={() => void copyLink(note)}>
          Copy Link
        </button>
        <button type="button" class="danger" onClick={() => requestDelete(note)}>
          Delete
        </button>
      </div>
    </>
  );
});

function StatusSelect({ note, status }: { note: Note; status: LeadStatus }) {
  return (
    <select class={`status-select ${status}`} aria-label="Status" value={status} onClick={(e) => e.stopPropagation()} onChange={(e) => void setStatus(note.id, e.currentTarget.value as LeadStatus)}>
      {LeadStatusSchema.options.map((s) => (
        <option key={s} value={s}>
          {LEAD_STATUS_LABELS[s]}
        </option>
      ))}
    </select>
  );
}

function Quote({ noteId, excerpt }: { noteId: string; excerpt: Excerpt }) {
  const [expanded, setExpanded] = useState(false);
  const orphan = useComputed(() => anchors.value.get(excerpt.id) === null);
  const text = excerpt.quote.exact;
  const long = text.length > FOLD_AT;
  const shown = long && !expanded ? `${text.slice(0, FOLD_AT).trimEnd()}…` : text;
  return (
    <li class={`quote-item${orphan.value ? ' orphan' : ''}`}>
      <blockquote
        class="quote"
        tabIndex={0}
        role="button"
        title={orphan.value ? 'This passage is no longer in the article text' : 'Show in the article'}
        onClick={(e) => {
          e.stopPropagation();
          focusedNoteId.value = noteId;
          revealExcerpts([excerpt.id]);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') revealExcerpts([excerpt.id]);
        }}
      >
        {shown}
      </blockquote>
      <button type="button" class="unlink" aria-label="Unlink excerpt" title="Unlink this excerpt from the note" onClick={(e) => {
          e.stopPropagation();
          void unlinkExcerpt(noteId, excerpt.id);
        }}>
        ×
      </button>
      {(orphan.value || long || excerpt.review) && (
        <div class="quote-tools">
          {orphan.value && <OrphanTools excerpt={excerpt} />}
          {!orphan.value && (excerpt.review === 'moved' || excerpt.review === 'changed') && (
            <span class="check-badge" title="The article's text was updated: this passage was found elsewhere or worded differently">
              {excerpt.review === 'moved' ? 'Moved' : 'Changed'} — check{' '}
              <button type="button" class="link" onClick={(e) => {
                  e.stopPropagation();
                  void confirmExcerpt(excerpt.id);
                }}>
                Looks right
              </button>
            </span>
          )}
          {long && (
            <button type="button" class="link" aria-expanded={expanded} onClick={(e) => {
                e.stopPropagation();
                setExpanded(!expanded);
              }}>
              {expanded ? 'Show less' : 'Show more'}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** An excerpt whose passage is gone: say so, and offer to point it at a new selection. */
export function OrphanTools({ excerpt }: { excerpt: Excerpt }) {
  const waiting = reattaching.value === excerpt.id;
  return (
    <span class="orphan-badge">
      Not found in the article.{' '}
      <button type="button" class="link" aria-pressed={waiting} onClick={(e) => {
          e.stopPropagation();
          reattaching.value = waiting ? null : excerpt.id;
          if (!waiting) showToast('Select the passage in the article, then choose Re-attach to Selection.');
        }}>
        {waiting ? 'Cancel re-attach' : 'Re-attach…'}
      </button>
    </span>
  );
}

async function copyNote(noteId: string): Promise<void> {
  try {
    const { markdown } = await call('noteMarkdown', { noteId });
    await copyText(markdown);
    showToast('Note copied as Markdown.');
  } catch (error) {
    showToast(error instanceof ApiCallError ? error.message : `Could not copy: ${String(error)}`, { tone: 'error' });
  }
}

async function copyLink(note: Note): Promise<void> {
  try {
    await copyText(noteLink(note));
    showToast('Link to the note copied.');
  } catch (error) {
    showToast(`Could not copy: ${String(error)}`, { tone: 'error' });
  }
}

/** Deleting asks first only when excerpts would be left without any note. */
export function requestDelete(note: Note): void {
  const exclusive = note.excerptIds.filter((id) => (notesByExcerpt.value.get(id) ?? []).length <= 1);
  if (exclusive.length > 0) dialog.value = { kind: 'delete-note', noteId: note.id };
  else void deleteNote(note.id, false);
}
