import { describe, expect, it } from 'vitest';
import { RecordTable } from './record-table';
import { seeded } from './testdata/random';

interface R {
  id: string;
  v: number;
}

describe('RecordTable', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`behaves like a Map keyed by id under random deletes and writes (seed ${seed})`, () => {
      const random = seeded(seed);
      let list: R[] = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, v: 0 }));
      for (let round = 0; round < 40; round++) {
        const table = new RecordTable(list);
        const map = new Map(list.map((r) => [r.id, r]));
        for (let op = 0; op < 1 + random.int(5); op++) {
          const id = `r${random.int(16)}`;
          if (random.chance(0.3)) expect(table.delete(id)).toBe(map.delete(id));
          else {
            const record = { id, v: round * 10 + op };
            table.set(record);
            map.set(id, record);
          }
          expect(table.get(id)).toBe(map.get(id));
          expect(table.size).toBe(map.size);
        }
        const next = table.toArray();
        expect(next).toEqual([...map.values()]);
        expect([...table.values()]).toEqual(next);
        list = next;
      }
    });
  }

  it('hands back the same array when nothing changed, and a copy when a record was rewritten', () => {
    const list: R[] = [
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
    ];
    expect(new RecordTable(list).toArray()).toBe(list);
    const table = new RecordTable(list);
    table.set({ id: 'b', v: 3 });
    const next = table.toArray();
    expect(next).not.toBe(list);
    expect(list[1]).toEqual({ id: 'b', v: 2 }); // the old list is never modified
    expect(new RecordTable(next).get('b')).toEqual({ id: 'b', v: 3 }); // its index was handed on
  });
});
