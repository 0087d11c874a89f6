/**
 * Suggested leads for an article: what it asserts and on whose word, found offline in its
 * canonical text (the text every excerpt's offsets refer to). One suggestion per sentence for
 * a sourced claim, an unnamed source or a hedge (in that order of precedence), and one per
 * figure. README.md beside this file describes the rules and how well they do.
 */
import type { Suggestion } from '../../shared/api';
import type { ArticleDocument } from '../../shared/article-document';
import type { SuggestionKind } from '../../shared/model';
import { emptyMemory, findAttribution, type Attribution } from './attribution';
import { findFigures } from './figures';
import { findHedge } from './hedges';
import { analyse } from './language';
import { attributionLead, figureLead, hedgeLead } from './lead-text';
import { textOf } from './phrases';
import { sentencesOf, type Sentence } from './sentences';

const KIND_ORDER: Record<SuggestionKind, number> = { 'attributed-claim': 0, 'unnamed-source': 1, hedge: 2, figure: 3 };

export function suggestLeads(document: Pick<ArticleDocument, 'text' | 'blocks'>): Suggestion[] {
  const { text } = document;
  const sentences = sentencesOf(analyse(text), document.blocks);
  const memory = emptyMemory();
  const suggestions: Suggestion[] = [];
  let quoted: { suggestion: Suggestion; block: number } | null = null;

  for (const sentence of sentences) {
    const { tokens } = sentence;
    // "“We are not there yet,” Holm said. “Prices are still rising.”": the second quote is Holm's too.
    if (quoted && quoted.block === sentence.block && isQuotation(sentence)) {
      quoted.suggestion.end = sentence.end;
      quoted.suggestion.quote = text.slice(quoted.suggestion.start, sentence.end);
      suggestions.push(...figuresOf(text, sentence, null, quoted.suggestion.source));
      continue;
    }
    quoted = null;
    const attribution = findAttribution(text, tokens, memory);
    const quote = text.slice(sentence.start, sentence.end);
    if (attribution) {
      const claim = textOf(text, tokens, attribution.claim);
      const suggestion = make(attribution.kind, sentence, quote, attribution.source, attributionLead(attribution, claim, findHedge(tokens.slice(attribution.claim[0], attribution.claim[1] + 1))));
      suggestions.push(suggestion);
      if (tokens.some((t) => t.text === '“' || t.text === '"')) quoted = { suggestion, block: sentence.block };
    } else {
      const hedge = findHedge(tokens);
      if (hedge) suggestions.push(make('hedge', sentence, quote, null, hedgeLead(hedge, quote)));
    }
    suggestions.push(...figuresOf(text, sentence, attribution, attribution?.source ?? null));
  }
  return suggestions.sort((a, b) => a.start - b.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.end - b.end);
}

function make(kind: SuggestionKind, where: { start: number; end: number }, quote: string, source: string | null, lead: string): Suggestion {
  return { kind, quote, start: where.start, end: where.end, source, lead };
}

function figuresOf(text: string, sentence: Sentence, attribution: Attribution | null, source: string | null): Suggestion[] {
  return findFigures(sentence, attribution?.sourceRange ?? null).map(({ range, date }) => {
    const start = sentence.tokens[range[0]]!.start;
    const end = sentence.tokens[range[1]]!.end;
    const quote = text.slice(start, end);
    return make('figure', { start, end }, quote, source, figureLead(quote, date, source));
  });
}

/** A sentence that is nothing but a quotation: “…” */
function isQuotation({ tokens }: Sentence): boolean {
  const first = tokens[0]?.text;
  const last = tokens.at(-1)?.text;
  return (first === '“' && last === '”') || (first === '"' && last === '"' && tokens.length > 2);
}
