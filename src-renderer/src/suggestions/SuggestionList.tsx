import { useEffect, useState } from 'preact/hooks';
import type { Suggestion } from '@shared/api';
import { selectorsFor } from '@shared/anchoring/describe-range';
import { scrollToRange } from '../reader/reader-view';
import { createNote, perform, undo } from '../state/actions';
import { previewRange, showToast } from '../state/ui';
import { article, canonical, workspace } from '../state/workspace';
import { KIND_LABELS } from './open-suggestions';
import { followSuggestions, suggestionsOpen, suggestionsView } from './suggestions-state';

const QUOTE_SHOWN = 240;
/** A long article can have thousands: they are listed a page at a time. */
const PAGE = 50;

/**
 * The notes pane's Suggestions section: what the article asserts and on whose word, found by
 * Leadline, each with a proposed lead. Collapsed until asked for; the count shows meanwhile.
 */
export function SuggestionList() {
  useEffect(() => followSuggestions(), []);
  // The preview follows the pointer or focus; it must not outlive the list.
  useEffect(() => () => void (previewRange.value = null), []);
  const view = suggestionsView.value;
  const open = suggestionsOpen.value;
  const [shown, setShown] = useState(PAGE);
  const count = view.state === 'ready' ? String(view.list.length) : view.state === 'loading' ? '…' : '!';
  return (
    <section class="suggestion-list" aria-label="Suggestions">
      <h2>
        <button type="button" class="section-toggle" aria-expanded={open} aria-controls="suggestion-items" onClick={() => (suggestionsOpen.value = !open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Suggestions <span class="muted">({count})</span>
        </button>
      </h2>
      {open && (
        <div id="suggestion-items">
          {view.state === 'loading' && <p class="muted" role="status">Reading the article…</p>}
          {view.state === 'failed' && <p role="alert">{view.message}</p>}
          {view.state === 'ready' && view.list.length === 0 && <p class="muted">No suggestions left for this article.</p>}
          {view.state === 'ready' && view.list.length > 0 && (
            <ul>
              {view.list.slice(0, shown).map((suggestion) => (
                <SuggestionItem key={`${suggestion.kind}:${suggestion.start}:${suggestion.end}`} suggestion={suggestion} />
              ))}
            </ul>
          )}
          {view.state === 'ready' && view.list.length > shown && (
            <button type="button" class="show-more" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, view.list.length - shown)} more ({view.list.length - shown} not shown)
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function SuggestionItem({ suggestion }: { suggestion: Suggestion }) {
  const id = `suggestion-${suggestion.kind}-${suggestion.start}-${suggestion.end}`;
  const range = { start: suggestion.start, end: suggestion.end };
  const preview = (): void => void (previewRange.value = range);
  const unpreview = (): void => {
    if (previewRange.peek()?.start === range.start && previewRange.peek()?.end === range.end) previewRange.value = null;
  };
  const quote = suggestion.quote.length > QUOTE_SHOWN ? `${suggestion.quote.slice(0, QUOTE_SHOWN)}…` : suggestion.quote;
  return (
    <li class={`suggestion ${suggestion.kind}`} onMouseEnter={preview} onMouseLeave={unpreview} onFocusIn={preview} onFocusOut={unpreview} aria-describedby={`${id}-lead`}>
      <div class="suggestion-head">
        <span class={`kind-badge suggestion-kind ${suggestion.kind}`}>{KIND_LABELS[suggestion.kind]}</span>
        {suggestion.source && <span class="muted suggestion-source">{suggestion.source}</span>}
      </div>
      <button type="button" class="quote suggestion-quote" title="Show in the article" onClick={() => scrollToRange(canonical.value.blocks, range)}>
        {quote}
      </button>
      <p class="suggestion-lead" id={`${id}-lead`}>
        {suggestion.lead}
      </p>
      <div class="suggestion-tools">
        <button type="button" onClick={() => void addAsLead(suggestion)} aria-describedby={`${id}-lead`}>
          Add as lead
        </button>
        <button type="button" onClick={() => void dismiss(suggestion)} aria-describedby={`${id}-lead`}>
          Dismiss
        </button>
      </div>
    </li>
  );
}

async function addAsLead(suggestion: Suggestion): Promise<void> {
  previewRange.value = null;
  await createNote('lead', selectorsFor(canonical.value.text, suggestion), suggestion.lead);
}

async function dismiss(suggestion: Suggestion): Promise<void> {
  const current = article.value;
  if (!current || !workspace.value) return;
  previewRange.value = null;
  await perform('dismissal', 'dismissSuggestion', { articleId: current.id, kind: suggestion.kind, start: suggestion.start, end: suggestion.end });
  showToast('Suggestion dismissed.', { action: { label: 'Undo', run: () => void undo() } });
}
