import { useComputed } from '@preact/signals';
import { LEAD_STATUS_LABELS, LeadStatusSchema, type LeadStatus } from '@shared/model';
import { filters, NO_FILTERS, type KindFilter } from '../state/ui';
import { notes } from '../state/workspace';
import { countNotes, tagCounts } from './note-list';

export const SEARCH_INPUT_ID = 'note-search';

export function FilterBar({ shown }: { shown: number }) {
  const counts = useComputed(() => countNotes(notes.value.values()));
  const tags = useComputed(() => tagCounts(notes.value.values()));
  const f = filters.value;
  const set = (patch: Partial<typeof f>): void => {
    filters.value = { ...filters.value, ...patch };
  };
  const kinds: [KindFilter, string, number][] = [
    ['all', 'All', counts.value.all],
    ['annotation', 'Annotations', counts.value.annotation],
    ['lead', 'Leads', counts.value.lead],
  ];
  const filtered = f.kind !== 'all' || f.tag !== null || f.query !== '';
  return (
    <div class="filter-bar">
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        class="search"
        placeholder="Search notes and excerpts"
        aria-label="Search notes"
        value={f.query}
        onInput={(e) => set({ query: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') set({ query: '' });
        }}
      />
      {/* A radio group (WAI-ARIA APG): one tab stop, the checked chip; the arrows, Home and End move and choose. */}
      <div class="kind-filter" role="radiogroup" aria-label="Show">
        {kinds.map(([kind, label, count], index) => (
          <button
            key={kind}
            type="button"
            role="radio"
            aria-checked={f.kind === kind}
            tabIndex={f.kind === kind ? 0 : -1}
            class={f.kind === kind ? 'chip active' : 'chip'}
            onClick={() => set({ kind, status: 'any' })}
            onKeyDown={(event) => {
              const next = radioStep(event.key, index, kinds.length);
              if (next === null) return;
              event.preventDefault();
              set({ kind: kinds[next]![0], status: 'any' });
              event.currentTarget.parentElement?.querySelectorAll<HTMLElement>('[role="radio"]')[next]?.focus();
            }}
          >
            {label} <span class="count">{count}</span>
          </button>
        ))}
      </div>
      {f.kind === 'lead' && (
        <label class="status-filter">
          Status
          <select aria-label="Lead status filter" value={f.status} onChange={(e) => set({ status: e.currentTarget.value as LeadStatus | 'any' })}>
            <option value="any">Any ({counts.value.lead})</option>
            {LeadStatusSchema.options.map((status) => (
              <option key={status} value={status}>
                {LEAD_STATUS_LABELS[status]} ({counts.value.status[status]})
              </option>
            ))}
          </select>
        </label>
      )}
      {tags.value.length > 0 && (
        <div class="tag-filter" role="group" aria-label="Filter by tag">
          {tags.value.slice(0, 30).map(({ tag, count }) => (
            <button key={tag} type="button" class={f.tag === tag ? 'tag active' : 'tag'} aria-pressed={f.tag === tag} onClick={() => set({ tag: f.tag === tag ? null : tag })}>
              #{tag} <span class="count">{count}</span>
            </button>
          ))}
        </div>
      )}
      {filtered && (
        <p class="filter-summary" role="status">
          Showing {shown} of {counts.value.all}
          <button
            type="button"
            class="link"
            onClick={() => {
              filters.value = NO_FILTERS;
              // This button goes with the filters: the focus stays in the bar, on the search field.
              document.getElementById(SEARCH_INPUT_ID)?.focus();
            }}
          >
            Clear filters
          </button>
        </p>
      )}
    </div>
  );
}

/** Where a key moves in a radio group of `count`: arrows step and wrap, Home and End go to the ends; null for other keys. */
function radioStep(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
