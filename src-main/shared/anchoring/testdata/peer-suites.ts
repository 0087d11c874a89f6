/**
 * The peers' own anchoring test suites, ported as data (./peer-suites/*.json, each with
 * its source repository, path, commit and license), and the one way every case is judged,
 * whichever anchoring method runs it: ours, or a peer's ported method.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PeerQuote } from './hypothesis-anchor';
import type { TextRange } from '../text-range';

const RangeSchema = z.strictObject({ start: z.number().int(), end: z.number().int() });
/** An expected range carries its text, so the data shows what it expects and the loader checks it. */
const ExpectedSchema = z.strictObject({ start: z.number().int(), end: z.number().int(), text: z.string() });
const QuoteSchema = z.strictObject({ exact: z.string(), prefix: z.string().optional(), suffix: z.string().optional() });

/** The peer's selectors anchored as they are; `position` absent when the peer gave no hint. */
const AnchorCaseSchema = z.strictObject({
  kind: z.literal('anchor').default('anchor'),
  name: z.string(),
  text: z.string(),
  quote: QuoteSchema,
  position: RangeSchema.optional(),
  /** Any of these is right (a peer that yields every match lists them all); none: an orphan is right. */
  expected: z.array(ExpectedSchema),
});

/** A range described, then anchored back with all selectors and with the quote alone; `stored`: what the peer describes it by. */
const RoundTripCaseSchema = z.strictObject({
  kind: z.literal('roundTrip'),
  name: z.string(),
  text: z.string(),
  range: ExpectedSchema,
  stored: z.strictObject({ quote: z.strictObject({ exact: z.string(), prefix: z.string(), suffix: z.string() }).optional(), position: RangeSchema.optional() }).optional(),
});

const SuiteSchema = z.strictObject({
  source: z.looseObject({ repository: z.string(), path: z.string(), commit: z.string().regex(/^[0-9a-f]{40}$/), license: z.string() }),
  ported: z.string(),
  notPorted: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
  texts: z.record(z.string(), z.string()),
  cases: z.array(z.union([RoundTripCaseSchema, AnchorCaseSchema])),
});

export type Suite = z.infer<typeof SuiteSchema> & { name: string };
export type PeerCase = Suite['cases'][number];

const DIRECTORY = new URL('./peer-suites/', import.meta.url);

/** Every ported suite, by file name; throws if an expected range's text is not where it says. */
export function loadSuites(): Suite[] {
  return readdirSync(DIRECTORY)
    .filter((file) => file.endsWith('.json') && file !== 'disagreements.json')
    .sort()
    .map((file) => {
      const suite = { name: file.replace(/\.json$/, ''), ...SuiteSchema.parse(JSON.parse(readFileSync(new URL(file, DIRECTORY), 'utf8'))) };
      for (const c of suite.cases) {
        const text = suite.texts[c.text];
        if (text === undefined) throw new Error(`${suite.name}: "${c.name}" names no text "${c.text}"`);
        for (const e of c.kind === 'roundTrip' ? [c.range] : c.expected) {
          if (text.slice(e.start, e.end) !== e.text) throw new Error(`${suite.name}: "${c.name}" expects ${JSON.stringify(e.text)} at ${e.start}..${e.end}`);
        }
      }
      return suite;
    });
}

/** A way of anchoring a quote, hinted by a position when the case has one. */
export type AnchorMethod = (text: string, quote: PeerQuote, position: TextRange | undefined) => TextRange | null;
/** A way of describing a range by a quote with context (the same for every method we run). */
export type DescribeMethod = (text: string, range: TextRange) => { quote: Required<PeerQuote>; position: TextRange };

export type Outcome = 'right' | 'misplaced' | 'wrongly orphaned' | 'wrongly anchored';

export interface Verdict {
  suite: string;
  case: string;
  outcome: Outcome;
  /** Where it landed, when not right. */
  got?: TextRange | null;
}

function judge(got: TextRange | null, expected: readonly TextRange[]): Outcome {
  if (got === null) return expected.length === 0 ? 'right' : 'wrongly orphaned';
  if (expected.length === 0) return 'wrongly anchored';
  return expected.some((e) => e.start === got.start && e.end === got.end) ? 'right' : 'misplaced';
}

/** The anchorings a case asks for, each with the ranges that would be right. */
function trials(c: PeerCase, text: string, describe: DescribeMethod): { quote: PeerQuote; position: TextRange | undefined; expected: TextRange[] }[] {
  if (c.kind === 'anchor') return [{ quote: c.quote, position: c.position, expected: c.expected }];
  const { quote, position } = describe(text, c.range);
  return [
    { quote, position, expected: [c.range] },
    { quote, position: undefined, expected: [c.range] },
  ];
}

/** Runs every case of every suite through `anchor`; a case is right only if each of its trials is. */
export function runSuites(suites: readonly Suite[], anchor: AnchorMethod, describe: DescribeMethod): Verdict[] {
  return suites.flatMap((suite) =>
    suite.cases.map((c): Verdict => {
      const text = suite.texts[c.text]!;
      for (const trial of trials(c, text, describe)) {
        const got = anchor(text, trial.quote, trial.position);
        const outcome = judge(got, trial.expected);
        if (outcome !== 'right') return { suite: suite.name, case: c.name, outcome, got };
      }
      return { suite: suite.name, case: c.name, outcome: 'right' };
    }),
  );
}

export function tally(verdicts: readonly Verdict[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { right: 0, misplaced: 0, 'wrongly orphaned': 0, 'wrongly anchored': 0 };
  for (const v of verdicts) counts[v.outcome] += 1;
  return counts;
}
