/** Which suggested leads are still to act on: pure data, so the rule is tested without a DOM. */
import type { Suggestion } from '@shared/api';
import type { TextRange } from '@shared/anchoring/text-range';
import type { Dismissal } from '@shared/model';

const keyOf = (kind: string, quote: string): string => `${kind}\u0000${quote}`;

/**
 * The suggestions neither dismissed (by kind and text: a dismissal outlives an update of the
 * article) nor already a lead on exactly that passage.
 */
export function openSuggestions(suggestions: readonly Suggestion[], dismissals: Iterable<Dismissal>, leadPassages: Iterable<TextRange>): Suggestion[] {
  const dismissed = new Set<string>();
  for (const d of dismissals) dismissed.add(keyOf(d.kind, d.quote));
  const taken = new Set<string>();
  for (const p of leadPassages) taken.add(`${p.start}:${p.end}`);
  return suggestions.filter((s) => !dismissed.has(keyOf(s.kind, s.quote)) && !taken.has(`${s.start}:${s.end}`));
}

export const KIND_LABELS: Record<Suggestion['kind'], string> = {
  'attributed-claim': 'Sourced claim',
  'unnamed-source': 'Unnamed source',
  figure: 'Figure',
  hedge: 'Hedge',
};
