/** A real notebook for tests: the bundled article, seeded as on first launch. */
import { join } from 'node:path';
import { canonicalText } from '../../shared/canonical-text';
import { selectorsFor } from '../../shared/anchoring/describe-range';
import type { Notebook, Selectors } from '../../shared/model';
import { seedNotebook } from '../articles';

export const BUNDLED_ARTICLE = join(import.meta.dirname, '../../../resources/articles/putin-wants-syria-to-return-the-favor.txt');

export async function seededNotebook(): Promise<Notebook> {
  return seedNotebook(BUNDLED_ARTICLE, new Date('2026-01-01T00:00:00Z'));
}

/** Selectors for the n-th occurrence of `phrase` in the first article. */
export function select(notebook: Notebook, phrase: string, occurrence = 0): Selectors {
  const text = canonicalText(notebook.articles[0]!.content).text;
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" not in the article`);
  return selectorsFor(text, { start, end: start + phrase.length });
}
