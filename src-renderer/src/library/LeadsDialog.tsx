import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { LeadEntry } from '@shared/api';
import { LEAD_STATUS_LABELS, LeadStatusSchema, type LeadStatus } from '@shared/model';
import { ApiCallError, call } from '../api/client';
import { noteName } from '../markdown/plain-text';
import { revealExcerpts } from '../reader/navigation';
import { switchArticle } from '../state/actions';
import { revealNote } from '../state/ui';
import { article } from '../state/workspace';
import { closeDialog, CloseFooter, Modal } from '../ui/Modal';
import { leadMatches } from './library-list';

/** A lead's name runs to the end of its line (the entry wraps). */
const NAME_LENGTH = 200;

/** The researcher's to-do list: every lead of every article, by status; each jumps to its excerpt. */
export function LeadsDialog() {
  const leads = useSignal<LeadEntry[] | null>(null);
  const failure = useSignal<string | null>(null);
  const status = useSignal<LeadStatus | 'any'>('any');
  const query = useSignal('');

  useEffect(() => {
    call('listLeads', {}).then(
      (list) => (leads.value = list),
      (error: unknown) => (failure.value = error instanceof ApiCallError ? error.message : String(error)),
    );
  }, []);

  const open = async (entry: LeadEntry): Promise<void> => {
    closeDialog();
    if (article.value?.id !== entry.note.articleId) await switchArticle(entry.note.articleId);
    revealNote(entry.note.id);
    revealExcerpts(entry.note.excerptIds);
  };

  const shown = (leads.value ?? []).filter((l) => (status.value === 'any' || l.note.status === status.value) && leadMatches(l, query.value));
  return (
    <Modal title="Leads across the library" class="leads-dialog">
      <div class="leads-filters">
        <select aria-label="Status" value={status.value} onChange={(e) => (status.value = parseStatus(e.currentTarget.value))}>
          <option value="any">Every status</option>
          {LeadStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {LEAD_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <input type="search" aria-label="Search leads" placeholder="Search leads, quotes, articles, tags" value={query.value} onInput={(e) => (query.value = e.currentTarget.value)} />
      </div>
      {failure.value && <p class="error-message">{failure.value}</p>}
      {leads.value === null && !failure.value && <p role="status">Gathering leads…</p>}
      {leads.value?.length === 0 && <p>No leads yet. Select a passage and choose Add lead.</p>}
      {leads.value && leads.value.length > 0 && shown.length === 0 && <p>No lead matches these filters.</p>}
      {LeadStatusSchema.options.map((s) => {
        const group = shown.filter((l) => l.note.status === s);
        if (group.length === 0) return null;
        return (
          <section key={s} class="leads-group" aria-label={LEAD_STATUS_LABELS[s]}>
            <h3>
              {LEAD_STATUS_LABELS[s]} <span class="muted">({group.length})</span>
            </h3>
            <ul class="leads-list">
              {group.map((entry) => (
                <li key={entry.note.id}>
                  <button type="button" class="lead-entry" onClick={() => void open(entry)}>
                    <span class="lead-text">{noteName(entry.note.body, NAME_LENGTH) || '(no text yet)'}</span>
                    {entry.quotes[0] && <span class="lead-quote">“{entry.quotes[0].slice(0, 160)}”</span>}
                    <span class="lead-article">{entry.articleTitle}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <CloseFooter />
    </Modal>
  );
}

function parseStatus(value: string): LeadStatus | 'any' {
  const parsed = LeadStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : 'any';
}
