/**
 * Builds the sample notebook of testdata/sample-notebook.json from the bundled
 * article, so its selectors are real (the export test checks the JSON still equals
 * this, and `UPDATE_GOLDEN=1` rewrites it). A researcher's notes on the article:
 * annotations and leads of every status, tags, a note citing two excerpts, an
 * excerpt with two notes, one spanning a paragraph break, one only highlighted, one
 * found approximately after an edit, one orphan, and a second (made-up) article
 * whose title and source are hostile to YAML and Markdown.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectorsFor } from '../../shared/anchoring/describe-range';
import { canonicalText, splitTitle } from '../../shared/canonical-text';
import { SCHEMA_VERSION, type Article, type Excerpt, type LeadStatus, type Note, type Notebook } from '../../shared/model';

export const ARTICLE_PATH = join(import.meta.dirname, '../../../resources/articles/putin-wants-syria-to-return-the-favor.txt');
export const ARTICLE_ID = 'putin-syria';
export const OTHER_ARTICLE_ID = 'field-notes';

function hash(content: string): string {
  return `sha256:${createHash('sha256').update(content, 'utf8').digest('hex')}`;
}

function time(minute: number): string {
  return new Date(Date.UTC(2025, 2, 14, 9, minute)).toISOString();
}

function excerptOf(articleId: string, text: string, id: string, phrase: string, minute: number): Excerpt {
  const start = text.indexOf(phrase);
  if (start < 0 || text.indexOf(phrase, start + 1) >= 0) throw new Error(`phrase not found once: ${phrase}`);
  return { id, articleId, ...selectorsFor(text, { start, end: start + phrase.length }), createdAt: time(minute) };
}

interface NoteSpec {
  id: string;
  kind: 'annotation' | 'lead';
  body: string;
  tags?: string[];
  excerptIds?: string[];
  status?: LeadStatus;
  minute: number;
}

function note(articleId: string, spec: NoteSpec): Note {
  return {
    id: spec.id,
    articleId,
    kind: spec.kind,
    body: spec.body,
    tags: spec.tags ?? [],
    excerptIds: spec.excerptIds ?? [],
    ...(spec.kind === 'lead' ? { status: spec.status ?? 'open' } : {}),
    createdAt: time(spec.minute),
    updatedAt: time(spec.minute + 30),
  };
}

function bundledArticle(): Article {
  const { title, body } = splitTitle(readFileSync(ARTICLE_PATH, 'utf8'), 'putin-wants-syria-to-return-the-favor');
  return { id: ARTICLE_ID, title, format: 'text', content: body, contentHash: hash(body), addedAt: time(0) };
}

function bundledExcerpts(text: string): Excerpt[] {
  const at = (id: string, phrase: string, minute: number): Excerpt => excerptOf(ARTICLE_ID, text, id, phrase, minute);
  const approximate = at('ex-sacrifice', 'Putin would prefer Syrian soldiers sacrifice themselves for Russia', 9);
  // Saved before the article was corrected: the quote now differs by a few letters.
  approximate.quote = { ...approximate.quote, exact: 'Putin would prefer Syrian soldier sacrifice themself for Russia' };
  return [
    at('ex-40000', '40,000 Syrian soldiers are expected to join the Russian army in Ukraine', 2),
    at('ex-units', 'The Moscow trained 5th Division; the loyal 4th Division; and the Tiger Forces', 4),
    at('ex-hmeimim', 'the mercenary army would fly from the Hmeimim base with routine military transport flights', 6),
    at('ex-soleimani', 'Iranian General Qassem Soleimani convinced Vladimir Putin', 8),
    at('ex-biggest', 'Together, they will be the biggest mercenary force in Syria.\n\nUkrainian officials said', 10),
    at('ex-vladmir', 'Russian President Vladmir Putin', 12),
    at('ex-ndf', 'National Defense Front forces', 14),
    approximate,
    {
      id: 'ex-wagner',
      articleId: ARTICLE_ID,
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Wagner instructors reached Latakia in March',
        prefix: 'by Russian units. ',
        suffix: ' At the time, Iranian',
      },
      position: { type: 'TextPositionSelector', start: 1240, end: 1283 },
      createdAt: time(16),
    },
  ];
}

const BUNDLED_NOTES: NoteSpec[] = [
  {
    id: 'n-sohr',
    kind: 'annotation',
    minute: 20,
    tags: ['sohr', 'numbers'],
    excerptIds: ['ex-40000'],
    body: 'The SOHR figure is *expected* recruits, not arrivals.\n\n40,000. That number again — compare with the\n2022 claims of "16,000 volunteers".',
  },
  {
    id: 'n-units-1',
    kind: 'annotation',
    minute: 21,
    tags: ['units'],
    excerptIds: ['ex-units'],
    body: '# Units named\n\n- 5th Division (Russian-trained)\n- 4th Division (Maher al-Assad)\n- Tiger Forces / 25th Division\n\n## Why it matters\nThese are the regime\'s *best* units.',
  },
  {
    id: 'n-units-2',
    kind: 'annotation',
    minute: 22,
    excerptIds: ['ex-units'],
    body: 'Sending them abroad\n===\nwould leave the front lines in Idlib thin. Table of <b>rough</b> sizes:\n\n| unit | size |\n|---|---|\n| 4th | ~15,000 |\n| Tiger | ~4,000 |',
  },
  {
    id: 'n-iran',
    kind: 'annotation',
    minute: 23,
    tags: ['iran', 'context'],
    excerptIds: ['ex-soleimani', 'ex-40000'],
    body: 'The 2015 intervention story and the 2022 recruitment are linked: Russia is\ncalling in a debt. See also `E1` & the [SOHR site](https://www.syriahr.com/en/).',
  },
  {
    id: 'n-biggest',
    kind: 'annotation',
    minute: 24,
    excerptIds: ['ex-biggest'],
    body: '"Biggest mercenary force" is the author\'s phrase, not the officials\'.\n\n```\nquote check: pending\n',
  },
  {
    id: 'n-sacrifice',
    kind: 'annotation',
    minute: 25,
    tags: ['framing'],
    excerptIds: ['ex-sacrifice'],
    body: 'Opinion, stated as fact.',
  },
  {
    id: 'n-wagner',
    kind: 'annotation',
    minute: 26,
    excerptIds: ['ex-wagner'],
    body: 'This sentence was in the first version of the article and is gone now.',
  },
  {
    id: 'n-overall',
    kind: 'annotation',
    minute: 27,
    tags: ['summary'],
    body: '# Overall\nThin sourcing: one NGO figure, unnamed "Ukrainian officials".\n\n> [x] not a task, a quote\n',
  },
  {
    id: 'l-sohr',
    kind: 'lead',
    status: 'open',
    minute: 30,
    tags: ['verify', 'sohr'],
    excerptIds: ['ex-40000'],
    body: 'Find the SOHR report behind the 40,000 figure.\n\n- date of publication\n- their sourcing\n\n1. ask SOHR press office',
  },
  {
    id: 'l-flights',
    kind: 'lead',
    status: 'in-progress',
    minute: 31,
    tags: ['flight-tracking'],
    excerptIds: ['ex-hmeimim'],
    body: 'Check ADS-B for Il-76 flights Hmeimim → Rostov in the period.\n    (an indented line: still the same paragraph)',
  },
  {
    id: 'l-4th',
    kind: 'lead',
    status: 'done',
    minute: 32,
    excerptIds: ['ex-units'],
    body: 'Confirmed the 4th Division\'s commander *(Maher al-Assad)* from two sources.',
  },
  {
    id: 'l-ndf',
    kind: 'lead',
    status: 'dropped',
    minute: 33,
    tags: ['ndf'],
    excerptIds: ['ex-ndf'],
    body: '## NDF recruitment\nNo way to reach anyone; dropped.',
  },
];

function fieldNotesArticle(): Article {
  const content = '# Not a heading: a line of the text\n\n40,000. Syrian <b>soldiers</b> & `friends` — “quoted” *claims* | pipes';
  return {
    id: OTHER_ARTICLE_ID,
    title: 'Field notes: "Hmeimim" — 1st draft # [x] <i>test</i>',
    source: { url: 'https://example.org/notes?a=1&b=(2)', outlet: 'Example Outlet: *Test* #1', date: '2025-03-14' },
    format: 'text',
    content,
    contentHash: hash(content),
    addedAt: time(40),
  };
}

export function buildSampleNotebook(): Notebook {
  const article = bundledArticle();
  const other = fieldNotesArticle();
  const otherText = canonicalText(other.content).text;
  const otherExcerpt = excerptOf(OTHER_ARTICLE_ID, otherText, 'ex-field', '# Not a heading: a line of the text\n\n40,000. Syrian <b>soldiers</b> & `friends`', 41);
  return {
    schemaVersion: SCHEMA_VERSION,
    articles: [article, other],
    excerpts: [...bundledExcerpts(canonicalText(article.content).text), otherExcerpt],
    notes: [
      ...BUNDLED_NOTES.map((spec) => note(ARTICLE_ID, spec)),
      note(OTHER_ARTICLE_ID, { id: 'n-field', kind: 'annotation', minute: 42, excerptIds: ['ex-field'], body: 'A quote that *looks* like Markdown.' }),
      note(OTHER_ARTICLE_ID, { id: 'l-field', kind: 'lead', minute: 43, body: '' }),
    ],
    dismissals: [],
    ui: { currentArticleId: ARTICLE_ID, scroll: {} },
  };
}
