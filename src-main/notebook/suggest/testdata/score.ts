/**
 * Precision and recall of suggestions against the labelled set, per kind. A suggestion
 * matches a labelled span of its kind when the two overlap by at least half of the shorter
 * one (a figure may be found with or without its "since" or "about"); for an attributed claim
 * the source must match too (one names the other, case and a leading "the" aside). Each
 * labelled span is matched once.
 */
import type { Suggestion } from '../../../shared/api';
import type { SuggestionKind } from '../../../shared/model';
import type { LabelledSpan } from './labelled-set';

export interface KindScore {
  kind: SuggestionKind;
  labelled: number;
  suggested: number;
  matched: number;
  precision: number;
  recall: number;
}

export interface Miss {
  kind: SuggestionKind;
  /** 'missed': labelled, not suggested; 'extra': suggested, not labelled. */
  what: 'missed' | 'extra';
  start: number;
  end: number;
  source?: string | null;
}

const KINDS: SuggestionKind[] = ['attributed-claim', 'unnamed-source', 'figure', 'hedge'];

const bare = (source: string): string => source.toLowerCase().replace(/[’']s\b/g, '').replace(/^(the|a|an)\s+/, '').replace(/\s+/g, ' ').trim();

export function sameSource(labelled: string | undefined, suggested: string | null): boolean {
  if (labelled === undefined) return true;
  if (suggested === null) return false;
  const a = bare(labelled);
  const b = bare(suggested);
  return a.includes(b) || b.includes(a);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared > 0 && shared * 2 >= Math.min(a.end - a.start, b.end - b.start);
}

/** Matches one article's suggestions to its labels; returns the counts per kind and what did not match. */
export function compare(labelled: readonly LabelledSpan[], suggested: readonly Suggestion[]): { matched: Map<SuggestionKind, number>; misses: Miss[] } {
  const matched = new Map<SuggestionKind, number>();
  const used = new Set<LabelledSpan>();
  const misses: Miss[] = [];
  for (const suggestion of suggested) {
    const label = labelled.find((l) => !used.has(l) && l.kind === suggestion.kind && overlaps(l, suggestion) && (l.kind !== 'attributed-claim' || sameSource(l.source, suggestion.source)));
    if (label) {
      used.add(label);
      matched.set(label.kind, (matched.get(label.kind) ?? 0) + 1);
    } else {
      misses.push({ kind: suggestion.kind, what: 'extra', start: suggestion.start, end: suggestion.end, source: suggestion.source });
    }
  }
  for (const label of labelled) if (!used.has(label)) misses.push({ kind: label.kind, what: 'missed', start: label.start, end: label.end, ...(label.source ? { source: label.source } : {}) });
  return { matched, misses };
}

/** Scores per kind over several articles. */
export function score(runs: readonly { labelled: readonly LabelledSpan[]; suggested: readonly Suggestion[] }[]): KindScore[] {
  return KINDS.map((kind) => {
    let labelled = 0;
    let suggested = 0;
    let matched = 0;
    for (const run of runs) {
      labelled += run.labelled.filter((l) => l.kind === kind).length;
      suggested += run.suggested.filter((s) => s.kind === kind).length;
      matched += compare(run.labelled, run.suggested).matched.get(kind) ?? 0;
    }
    return { kind, labelled, suggested, matched, precision: suggested === 0 ? 1 : matched / suggested, recall: labelled === 0 ? 1 : matched / labelled };
  });
}
