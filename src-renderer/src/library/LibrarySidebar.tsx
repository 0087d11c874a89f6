import { useComputed, useSignal } from '@preact/signals';
import type { ArticleSummary } from '@shared/api';
import { tooltip } from '@shared/commands';
import { isMac } from '../platform';
import { renameArticle, switchArticle } from '../state/actions';
import { dialog } from '../state/ui';
import { article, notes, recordsPending, workspace } from '../state/workspace';
import { byRecentlyOpened, matchesTitle, sourceLine } from './library-list';
import { importFiles, pickFiles, updateFromFile } from './import-files';

/**
 * The library: every article of the notebook, most recently opened first, with its
 * source, date and how many notes and open leads it holds. Click opens; rename in place.
 */
export function LibrarySidebar() {
  const query = useSignal('');
  const renaming = useSignal<string | null>(null);
  const currentId = article.value?.id;
  // The open article's counts follow the notes as they change; the others come from the store.
  const liveCounts = useComputed(() => {
    let openLeads = 0;
    for (const n of notes.value.values()) if (n.kind === 'lead' && (n.status === 'open' || n.status === 'in-progress')) openLeads++;
    return { notes: notes.value.size, openLeads };
  });
  const list = [...(workspace.value?.articles ?? [])]
    .map((a) => (a.id === currentId && !recordsPending.value ? { ...a, ...liveCounts.value } : a))
    .filter((a) => matchesTitle(a, query.value))
    .sort(byRecentlyOpened);

  return (
    <nav class="library" aria-label="Library">
      <div class="library-head">
        <h2>Library</h2>
        <span>
          <button type="button" onClick={() => void pickFiles(true).then(importFiles)} title={tooltip('import', isMac, 'Import text, Markdown or saved web pages, or drop files on the window')}>
            Import…
          </button>
          <button type="button" onClick={() => (dialog.value = { kind: 'leads' })} title="Every lead of every article">
            Leads…
          </button>
        </span>
      </div>
      <input type="search" class="library-search" placeholder="Search titles" aria-label="Search articles by title" value={query.value} onInput={(e) => (query.value = e.currentTarget.value)} />
      <ul class="library-list">
        {list.map((a) => (
          <li key={a.id} class={a.id === currentId ? 'current' : undefined}>
            {renaming.value === a.id ? (
              <RenameField summary={a} done={() => (renaming.value = null)} />
            ) : (
              <button type="button" class="library-item" aria-current={a.id === currentId ? 'page' : undefined} onClick={() => a.id !== currentId && void switchArticle(a.id)} onDblClick={() => (renaming.value = a.id)}>
                <span class="library-title">{a.title}</span>
                {sourceLine(a) && <span class="library-source">{sourceLine(a)}</span>}
                <span class="library-counts">
                  {a.notes} note{a.notes === 1 ? '' : 's'} · {a.openLeads} open lead{a.openLeads === 1 ? '' : 's'}
                </span>
              </button>
            )}
            {renaming.value !== a.id && (
              <span class="library-actions">
                <button type="button" aria-label={`Rename “${a.title}”`} title="Rename" onClick={() => (renaming.value = a.id)}>
                  ✎
                </button>
                <button type="button" aria-label={`Update “${a.title}” from a newer file`} title="Update from file… (keeps the old text)" onClick={() => void updateFromFile(a.id)}>
                  ⟳
                </button>
                <button type="button" aria-label={`Delete “${a.title}”`} title="Delete" onClick={() => (dialog.value = { kind: 'delete-article', articleId: a.id })}>
                  🗑
                </button>
              </span>
            )}
          </li>
        ))}
        {list.length === 0 && <li class="muted">No article title matches “{query.value}”.</li>}
      </ul>
    </nav>
  );
}

function RenameField({ summary, done }: { summary: ArticleSummary; done: () => void }) {
  const commit = (input: HTMLInputElement): void => {
    const title = input.value.trim();
    done();
    if (title && title !== summary.title) void renameArticle(summary.id, title);
  };
  return (
    <input
      class="library-rename"
      aria-label="Article title"
      defaultValue={summary.title}
      ref={(el) => el?.focus()}
      onBlur={(e) => commit(e.currentTarget)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget);
        if (e.key === 'Escape') {
          e.stopPropagation();
          done();
        }
      }}
    />
  );
}
