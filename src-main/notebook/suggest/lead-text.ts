/** The proposed text of a suggested lead: what to check, and on whose word it rests. */
import type { Attribution } from './attribution';

const MAX_QUOTED = 200;

/** The claim as quoted in a lead: one line, without its own quote marks, cut at a word past 200 characters. */
export function shortQuote(text: string): string {
  const line = text.replace(/\s+/g, ' ').replace(/^[“"‘'«\s]+|[”"’'»,;:.\s]+$/g, '');
  if (line.length <= MAX_QUOTED) return line;
  const cut = line.slice(0, MAX_QUOTED);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_QUOTED / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

export function attributionLead(attribution: Attribution, claim: string, hedge: string | null): string {
  const quoted = `“${shortQuote(claim)}”${hedge ? ` (hedged: “${hedge}”)` : ''}`;
  if (attribution.kind === 'attributed-claim') return `Claim attributed to ${attribution.source}: ${quoted} — find the primary source.`;
  if (attribution.sourceRange === null) return `Claim with no source given (“${attribution.source}”): ${quoted} — find who says so and confirm it independently.`;
  return `Claim from an unnamed source (${attribution.source}): ${quoted} — find who said it and confirm it independently.`;
}

export function figureLead(figure: string, date: boolean, source: string | null): string {
  const from = source ? ` (from ${source})` : '';
  return date ? `Date: “${figure}”${from} — check when it happened.` : `Figure: “${figure}”${from} — check the number against its source.`;
}

export function hedgeLead(hedge: string, sentence: string): string {
  return `Hedged statement (“${hedge}”): “${shortQuote(sentence)}” — find what it rests on.`;
}
