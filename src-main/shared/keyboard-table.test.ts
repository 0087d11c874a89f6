import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandForKeyPress, inScope, type CommandSpec, type KeyContext } from './commands';
import { keyboardTableMarkdown, shortcutRows, withKeyboardTable } from './keyboard-table';

const README = join(__dirname, '../../README.md');

describe('the README keyboard table', () => {
  it('is the one the command table makes (`npm run keys` rewrites it)', () => {
    const readme = readFileSync(README, 'utf8');
    const fresh = withKeyboardTable(readme);
    if (process.env.LEADLINE_WRITE_README === '1') writeFileSync(README, fresh);
    else expect(readme, 'README.md and src-main/shared/commands.ts disagree: run `npm run keys`').toBe(fresh);
  });

  it('has a row for every command with keys, and escapes the pipes a key could hold', () => {
    const rows = shortcutRows();
    expect(rows.map((row) => row.id)).toEqual(COMMANDS.filter((spec) => 'keys' in spec).map((spec) => spec.id));
    expect(rows.find((row) => row.id === 'annotate')).toMatchObject({ keys: 'Ctrl+Shift+A', macKeys: '⇧⌘A', where: 'anywhere' });
    expect(rows.find((row) => row.id === 'redo')).toMatchObject({ keys: 'Ctrl+Shift+Z or Ctrl+Y', macKeys: '⇧⌘Z' });
    expect(keyboardTableMarkdown().split('\n')).toHaveLength(rows.length + 2);
  });
});

describe('the command table', () => {
  it('has one entry per id', () => {
    const ids = COMMANDS.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const contexts: KeyContext[] = [
    { inTextField: false, inArticle: false },
    { inTextField: false, inArticle: true },
    { inTextField: true, inArticle: false },
    { inTextField: true, inArticle: true },
  ];

  it('gives each key of the renderer to one command wherever its keys work: only Ctrl/⌘+F is shared, the article taking it', () => {
    const shadowed: string[] = [];
    for (const mac of [false, true]) {
      for (const spec of COMMANDS) {
        if (spec.runs !== 'renderer' || !('keys' in spec)) continue;
        for (const keys of (mac && 'macKeys' in spec ? spec.macKeys : spec.keys) ?? []) {
          const parts = keys.split('+');
          const key = parts.at(-1)!;
          const press = { key: key === 'Plus' ? '+' : key, ctrlKey: parts.includes('Mod'), metaKey: false, shiftKey: parts.includes('Shift'), altKey: parts.includes('Alt') };
          for (const where of contexts.filter((context) => inScope(spec.scope, context))) {
            const got = commandForKeyPress(press, where, mac);
            if (got !== null && got !== spec.id) shadowed.push(`${keys}: ${spec.id} → ${got}${where.inArticle ? ' in the article' : ''}`);
          }
        }
      }
    }
    expect([...new Set(shadowed)]).toEqual(['Mod+F: find → find-in-article in the article']);
  });

  it('keeps the keys of the parts of the page that handle their own away from the global ones there', () => {
    const specs: readonly CommandSpec[] = COMMANDS;
    const clash = specs.filter((spec) => spec.runs === 'context' && spec.scope === 'article').flatMap((spec) =>
      (spec.keys ?? []).filter((keys) => {
        const parts = keys.split('+');
        return commandForKeyPress({ key: parts.at(-1)!, ctrlKey: parts.includes('Mod'), metaKey: false, shiftKey: parts.includes('Shift'), altKey: parts.includes('Alt') }, { inTextField: false, inArticle: true }, false) !== null;
      }),
    );
    expect(clash).toEqual([]);
  });
});
