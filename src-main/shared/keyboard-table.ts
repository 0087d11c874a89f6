/**
 * The keyboard table people read, in the shortcuts dialog and the README, made from
 * the command table: every command that has keys, in the table's order.
 */
import { COMMANDS, keysOf, type KeyScope } from './commands';
import { keyLabel } from './keys';

export interface ShortcutRow {
  id: string;
  keys: string;
  macKeys: string;
  where: string;
  what: string;
}

const WHERE: Record<KeyScope, string> = {
  anywhere: 'anywhere',
  'outside-text': 'outside text fields',
  article: 'article focused',
  'find-bar': 'find bar',
  'find-open': 'while find is open',
  card: 'note card focused',
  editor: 'editing a note',
};

export function shortcutRows(): ShortcutRow[] {
  return COMMANDS.flatMap((spec) => {
    if (!('keys' in spec)) return [];
    const label = (mac: boolean) =>
      keysOf(spec, mac)
        .map((keys) => keyLabel(keys, mac))
        .join(' or ');
    const where = spec.runs === 'main' ? 'desktop app' : WHERE['scope' in spec ? spec.scope : 'anywhere'];
    return [{ id: spec.id, keys: label(false), macKeys: label(true), where, what: spec.description }];
  });
}

/** The README's table (Markdown), between the markers README.md carries. */
export function keyboardTableMarkdown(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    '| Windows, Linux | macOS | where | what |',
    '| --- | --- | --- | --- |',
    ...shortcutRows().map((row) => `| ${cell(row.keys)} | ${cell(row.macKeys)} | ${row.where} | ${cell(row.what)} |`),
  ].join('\n');
}

export const README_TABLE_START = '<!-- keyboard table: made from src-main/shared/commands.ts by `npm run keys` -->';
export const README_TABLE_END = '<!-- end of keyboard table -->';

/** README.md with its keyboard table replaced by the one made now. */
export function withKeyboardTable(readme: string): string {
  const start = readme.indexOf(README_TABLE_START);
  const end = readme.indexOf(README_TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md has lost the keyboard table markers');
  return `${readme.slice(0, start + README_TABLE_START.length)}\n${keyboardTableMarkdown()}\n${readme.slice(end)}`;
}
