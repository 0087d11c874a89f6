import { describe, expect, it } from 'vitest';
import { encodeEntry, encodeHeader, journalHeader, journalNotice, parseJournal } from './journal';

const AT = '2024-01-01T00:00:00.000Z';
const line = (seq: number, body = `b${seq}`): string => encodeEntry(seq, AT, { ui: { scroll: { [body]: 0.5 } } });

describe('the journal format', () => {
  it('reads back what it wrote, in order, from the entry after the snapshot', () => {
    const text = line(1) + line(2) + line(3);
    expect(parseJournal(text, 0).entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(parseJournal(text, 2).entries.map((e) => e.seq)).toEqual([3]); // 1 and 2 are in the snapshot already
    expect(parseJournal(text, 3)).toEqual({ entries: [], nonEmpty: true });
    expect(parseJournal('', 0)).toEqual({ entries: [], nonEmpty: false });
  });

  it('a line is "<crc32> <json>": the checksum covers the JSON', () => {
    const written = line(1);
    expect(written).toMatch(/^[0-9a-f]{8} \{"seq":1,"at":"[^"]+","delta":\{.*\}\}\n$/);
  });

  it('drops a torn last line (no newline), and a zero-filled tail', () => {
    const good = line(1) + line(2);
    const torn = line(3).slice(0, 25);
    expect(parseJournal(good + torn, 0)).toMatchObject({ entries: [{ seq: 1 }, { seq: 2 }], problem: { kind: 'torn-tail' } });
    const zeros = '\0'.repeat(40); // what some file systems leave after a crash
    expect(parseJournal(good + zeros, 0)).toMatchObject({ entries: [{ seq: 1 }, { seq: 2 }], problem: { kind: 'torn-tail' } });
  });

  it('a complete last line that fails its checksum is damage, not a torn write: it was written whole', () => {
    const flipped = line(3).replace('b3', 'b4');
    expect(parseJournal(line(1) + line(2) + flipped, 0)).toMatchObject({ entries: [{ seq: 1 }, { seq: 2 }], problem: { kind: 'damaged', line: 3 } });
  });

  it('reads CRLF line endings and a byte-order mark as written; a damaged header is only a lost hint', () => {
    const header = encodeHeader({ seq: 0, bytes: 10, crc32: '0000abcd' });
    const text = header + line(1) + line(2);
    expect(parseJournal(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 0)).toMatchObject({ entries: [{ seq: 1 }, { seq: 2 }] });
    expect(parseJournal(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 0).problem).toBeUndefined();
    expect(journalHeader(`\uFEFF${text}`)).toEqual({ seq: 0, bytes: 10, crc32: '0000abcd' });
    const badHeader = header.replace('0000abcd', '0000abce') + line(1);
    expect(parseJournal(badHeader, 0)).toEqual({ entries: [expect.objectContaining({ seq: 1 })], nonEmpty: true, lastAppliedAt: AT });
  });

  it('stops at a damaged line in the middle and says which', () => {
    const text = line(1) + line(2).replace('b2', 'bX') + line(3);
    expect(parseJournal(text, 0)).toMatchObject({ entries: [{ seq: 1 }], problem: { kind: 'damaged', line: 2 } });
  });

  it('refuses lines that do not continue the snapshot, and a gap inside', () => {
    expect(parseJournal(line(5) + line(6), 2)).toMatchObject({ entries: [], problem: { kind: 'mismatch', expected: 3, found: 5 } });
    expect(parseJournal(line(1) + line(2) + line(4), 0)).toMatchObject({ entries: [{ seq: 1 }, { seq: 2 }], problem: { kind: 'mismatch', expected: 3, found: 4 } });
  });

  it('refuses an entry whose records do not have their schema, even with a right checksum', () => {
    const bad = encodeEntry(1, AT, { notes: { put: [{ id: 'x' }], del: [] } } as never);
    expect(parseJournal(bad + line(2), 0).problem).toEqual({ kind: 'damaged', line: 1 });
  });

  it('says in a sentence what was left out and where the rest was kept', () => {
    expect(journalNotice(undefined, undefined)).toBeUndefined();
    expect(journalNotice({ kind: 'torn-tail' }, undefined)).toMatch(/unconfirmed change was left out/);
    expect(journalNotice({ kind: 'damaged', line: 7 }, '/n/x.journal.unused-1')).toMatch(/line 7.*"\/n\/x\.journal\.unused-1"/);
    expect(journalNotice({ kind: 'mismatch', expected: 3, found: 9 }, 'k')).toMatch(/does not belong/);
  });
});
