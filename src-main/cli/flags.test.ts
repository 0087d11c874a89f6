import { describe, expect, it } from 'vitest';
import { parseFlags, parseFlagsAndPaths } from './flags';

const spec = { notebook: 'string', all: 'boolean' } as const;

describe('parseFlags', () => {
  it('reads --name value, --name=value and booleans', () => {
    expect(parseFlags(['--notebook', 'a.json', '--all'], spec)).toEqual({ ok: true, values: { notebook: 'a.json', all: true } });
    expect(parseFlags(['--notebook=b c.json'], spec)).toEqual({ ok: true, values: { notebook: 'b c.json' } });
  });
  it('refuses unknown flags, missing values, values on booleans and stray arguments', () => {
    expect(parseFlags(['--nope'], spec)).toEqual({ ok: false, error: 'unknown flag "--nope"' });
    expect(parseFlags(['--notebook'], spec)).toEqual({ ok: false, error: '--notebook needs a value' });
    expect(parseFlags(['--notebook', '--all'], spec)).toEqual({ ok: false, error: '--notebook needs a value' });
    expect(parseFlags(['--all=yes'], spec)).toEqual({ ok: false, error: '--all takes no value' });
    expect(parseFlags(['file.json'], spec)).toEqual({ ok: false, error: 'unexpected argument "file.json"' });
  });
  it('skips what the caller says to ignore', () => {
    expect(parseFlags(['--no-sandbox', '--all'], spec, (a) => a === '--no-sandbox')).toEqual({ ok: true, values: { all: true } });
  });

  it('keeps plain arguments as paths, a string flag taking the next one as its value', () => {
    const importSpec = { notebook: 'string', update: 'string', help: 'boolean' } as const;
    expect(parseFlagsAndPaths(['--notebook', 'n.json', 'a.md', '--update', 'x1', 'b c.html'], importSpec)).toEqual({ ok: true, values: { notebook: 'n.json', update: 'x1' }, paths: ['a.md', 'b c.html'] });
    expect(parseFlagsAndPaths(['--nope', 'a.md'], importSpec)).toEqual({ ok: false, error: 'unknown flag "--nope"' });
  });
});
