import { useComputed } from '@preact/signals';
import { notesByExcerpt } from '../state/derived';
import { anchors, excerpts } from '../state/workspace';
import { OrphanTools } from './NoteCard';

/**
 * Excerpts whose passage is no longer in the article's text (after an update of its
 * source, usually): listed with their old quote, never dropped, each can be re-attached.
 */
export function OrphanList() {
  const orphans = useComputed(() => [...excerpts.value.values()].filter((e) => anchors.value.get(e.id) === null));
  if (orphans.value.length === 0) return null;
  return (
    <section class="orphan-list" aria-label="Orphaned excerpts">
      <h2>
        Orphaned excerpts <span class="muted">({orphans.value.length})</span>
      </h2>
      <p class="muted">These passages are no longer in the article’s text. Their notes are kept; select the new wording and re-attach them.</p>
      <ul>
        {orphans.value.map((excerpt) => {
          const citing = notesByExcerpt.value.get(excerpt.id)?.length ?? 0;
          return (
            <li key={excerpt.id}>
              <blockquote class="quote">{excerpt.quote.exact.length > 200 ? `${excerpt.quote.exact.slice(0, 200)}…` : excerpt.quote.exact}</blockquote>
              <span class="muted">{citing === 0 ? 'A plain highlight' : `Cited by ${citing} note${citing === 1 ? '' : 's'}`}</span> <OrphanTools excerpt={excerpt} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
