import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';

/** Damaged files are moved aside (never overwritten); a newer version is left where it is. */
const cases = [
  { name: 'not JSON', content: '{"schemaVersion": 1, "articles": [', expect: /JSON/i, movedAside: true },
  { name: 'of a newer schemaVersion', content: JSON.stringify({ schemaVersion: 99, articles: [], excerpts: [], notes: [], ui: { scroll: {} } }), expect: /newer/i, movedAside: false },
  { name: 'failing the schema', content: JSON.stringify({ schemaVersion: 1, articles: 'nope' }), expect: /notebook/i, movedAside: true },
];

for (const bad of cases) {
  test(`a notebook file ${bad.name} is reported on screen and left untouched`, async ({ app }) => {
    const name = `bad-${bad.name.replace(/\W+/g, '-')}`;
    const file = join(app.dir, `${name}.json`);
    writeFileSync(file, bad.content);
    const page = await app.relaunch({ notebookPath: file });
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Leadline cannot open this notebook' })).toBeVisible();
    await expect(alert).toContainText(file);
    await expect(alert).toContainText(bad.expect);
    if (bad.movedAside) {
      const aside = readdirSync(app.dir).filter((f) => f.startsWith(`${name}.corrupt-`));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(app.dir, aside[0]!), 'utf8')).toBe(bad.content);
      await expect(alert).toContainText(aside[0]!);
    } else {
      expect(readFileSync(file, 'utf8')).toBe(bad.content);
    }
  });
}

test('a notebook path that is a directory is reported on screen', async ({ app }) => {
  const folder = join(app.dir, 'a-folder');
  mkdirSync(folder);
  const page = await app.relaunch({ notebookPath: folder });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(folder);
  await expect(alert).toContainText(/folder|directory/i);
  expect(statSync(folder).isDirectory()).toBe(true);
});
