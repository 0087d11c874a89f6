import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../testdata/prng';
import { anchor } from './anchor';
import { anchorAll } from './anchor-all';
import { selectorsFor } from './describe-range';
import { rangesAt } from './ranges-at';
import { ARTICLE, find, insertAt, replaceRange, wordSoup } from './testdata/text-helpers';

describe('anchorAll', () => {
  it('keeps overlapping and nested ranges apart', () => {
    const outer = find(ARTICLE, 'The Syrian Observatory for Human Rights has stated that 40,000 Syrian soldiers');
    const overlapping = find(ARTICLE, '40,000 Syrian soldiers are expected to join the Russian army');
    const nested = find(ARTICLE, 'Human Rights');
    const inner = find(ARTICLE, 'Syrian', nested.end); // the 2nd "Syrian" of the sentence, inside both others
    const items = [outer, overlapping, nested, inner].map((range, i) => ({ id: `e${i}`, ...selectorsFor(ARTICLE, range) }));
    const edited = 'Preface. ' + ARTICLE;
    const anchors = anchorAll(edited, items);
    [outer, overlapping, nested, inner].forEach((range, i) => {
      expect(anchors.get(`e${i}`)).toEqual({ start: range.start + 9, end: range.end + 9, method: 'quote' });
    });
    const ranges = items.map((item) => ({ id: item.id, ...anchors.get(item.id)! }));
    expect(rangesAt(ranges, inner.start + 9)).toEqual(['e0', 'e1', 'e3']);
    expect(rangesAt(ranges, nested.start + 9)).toEqual(['e0', 'e2']);
  });

  it('maps every id to its anchor, orphans to null', () => {
    const kept = find(ARTICLE, 'Tiger Forces');
    const lost = find(ARTICLE, 'the biggest mercenary force in Syria');
    const items = [
      { id: 'kept', ...selectorsFor(ARTICLE, kept) },
      { id: 'lost', ...selectorsFor(ARTICLE, lost) },
    ];
    const edited = replaceRange(ARTICLE, lost, 'something else');
    const anchors = anchorAll(edited, items);
    expect([...anchors.keys()]).toEqual(['kept', 'lost']);
    expect(anchors.get('kept')).toEqual({ ...kept, method: 'position' });
    expect(anchors.get('lost')).toBeNull();
  });

  // Speed is measured in `npm run bench` (anchoring); these check correctness at that scale.
  it('anchors 2,000 excerpts on a 1 MB text whose positions still match, by position', () => {
    const random = mulberry32(2024);
    const text = wordSoup(random, 1_000_000);
    const items = Array.from({ length: 2000 }, (_, i) => {
      const start = Math.floor(random() * (text.length - 500));
      return { id: `e${i}`, ...selectorsFor(text, { start, end: start + 1 + Math.floor(random() * 400) }) };
    });
    const anchors = anchorAll(text, items);
    for (const item of items) expect(anchors.get(item.id)).toEqual({ start: item.position.start, end: item.position.end, method: 'position' });
  });

  it('re-anchors 2,000 excerpts on a 1 MB text after one edit shifts them', () => {
    const random = mulberry32(7);
    const text = wordSoup(random, 1_000_000);
    const items = Array.from({ length: 2000 }, (_, i) => {
      const start = 1000 + Math.floor(random() * (text.length - 1500));
      return { id: `e${i}`, ...selectorsFor(text, { start, end: start + 1 + Math.floor(random() * 200) }) };
    });
    const edited = insertAt(text, 500, 'An inserted sentence. ');
    const anchors = anchorAll(edited, items);
    for (const item of items) expect(anchors.get(item.id)).toMatchObject({ start: item.position.start + 22, end: item.position.end + 22 });
  });

  it('agrees with anchor() item by item, on repetitive text edited in random places', () => {
    const random = mulberry32(99);
    // Three copies of the article: every quote and its context occur three times.
    const text = [ARTICLE, ARTICLE, ARTICLE].join('\n\n');
    for (let round = 0; round < 30; round += 1) {
      const items = Array.from({ length: 40 }, (_, i) => {
        const start = Math.floor(random() * (text.length - 60));
        return { id: `e${i}`, ...selectorsFor(text, { start, end: start + 1 + Math.floor(random() * 50) }) };
      });
      const at = Math.floor(random() * text.length);
      const length = 1 + Math.floor(random() * 3000);
      const edited =
        random() < 0.5
          ? insertAt(text, at, ARTICLE.slice(0, length))
          : replaceRange(text, { start: at, end: Math.min(text.length, at + length) }, '');
      const anchors = anchorAll(edited, items);
      for (const item of items) expect(anchors.get(item.id)).toEqual(anchor(edited, item));
    }
  });
});
