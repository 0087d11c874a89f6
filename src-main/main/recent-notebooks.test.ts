import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecent, MAX_RECENT, notebookStillThere, recentLabel, saveRecent, withRecent } from './recent-notebooks';

describe('withRecent', () => {
  it('puts the notebook first, once', () => {
    expect(withRecent([], '/a.json')).toEqual(['/a.json']);
    expect(withRecent(['/a.json', '/b.json', '/c.json'], '/c.json')).toEqual(['/c.json', '/a.json', '/b.json']);
  });
  it(`keeps at most ${MAX_RECENT}`, () => {
    const many = Array.from({ length: 15 }, (_, i) => `/n${i}.json`);
    const list = withRecent(many, '/new.json');
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe('/new.json');
    expect(list.at(-1)).toBe('/n8.json');
  });
});

describe('the saved list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadline-recent-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'recent-notebooks.json');

  it('round-trips, and leaves out notebooks that are gone', () => {
    const here = join(dir, 'here.json');
    const gone = join(dir, 'gone.json');
    writeFileSync(here, '{}');
    saveRecent(file, [gone, here]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ notebooks: [gone, here] });
    expect(loadRecent(file)).toEqual([here]);
  });

  it('keeps a notebook that waits for its recovery choice (file moved aside, marker beside it)', () => {
    const waiting = join(dir, 'waiting.json');
    writeFileSync(`${waiting}.recovery`, '{}');
    expect(notebookStillThere(waiting)).toBe(true);
    expect(notebookStillThere(join(dir, 'never.json'))).toBe(false);
  });

  it('reads a missing, damaged or foreign file as an empty list, and skips bad entries', () => {
    expect(loadRecent(join(dir, 'none.json'))).toEqual([]);
    writeFileSync(file, '{"notebooks": [');
    expect(loadRecent(file)).toEqual([]);
    writeFileSync(file, '{"notebooks": "nope"}');
    expect(loadRecent(file)).toEqual([]);
    writeFileSync(file, JSON.stringify({ notebooks: [42, '', '/x.json', '/x.json', null] }));
    expect(loadRecent(file, () => true)).toEqual(['/x.json']);
  });

  it('does not throw when the folder refuses the write', () => {
    expect(() => saveRecent(join(dir, 'no', 'such', 'folder.json'), ['/a.json'])).not.toThrow();
  });
});

describe('recentLabel', () => {
  it('names the notebook, then its folder, the home folder as ~', () => {
    expect(recentLabel('/home/ann/Research/Syria.json', '/home/ann')).toBe('Syria — ~/Research');
    expect(recentLabel('/home/ann/notebook.json', '/home/ann')).toBe('notebook — ~');
    expect(recentLabel('/srv/shared/team.json', '/home/ann')).toBe('team — /srv/shared');
    expect(recentLabel('/home/annex/x.json', '/home/ann')).toBe('x — /home/annex');
  });
  it('shows an ampersand as itself, not as a mnemonic', () => {
    expect(recentLabel('/data/Q&A.json', '/home/ann')).toBe('Q&&A — /data');
  });
});
