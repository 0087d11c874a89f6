import { describe, expect, it } from 'vitest';
import { beginEditSession, draftOf, hasDrafts, setDraft, takeDrafts } from './drafts';

describe('drafts', () => {
  it('keeps the last body and tags typed per note, in a signal of that note alone', () => {
    const watched = draftOf('n1');
    let changes = 0;
    const stop = watched.subscribe(() => changes++);
    const other = draftOf('n2');
    let otherChanges = 0;
    const stopOther = other.subscribe(() => otherChanges++);
    setDraft('n1', { body: 'a' });
    setDraft('n1', { body: 'ab' });
    setDraft('n1', { tags: ['x'] });
    expect(watched.value).toMatchObject({ body: 'ab', tags: ['x'] });
    expect(changes).toBe(4); // the first call of subscribe, then one per keystroke
    expect(otherChanges).toBe(1); // the first call only: nothing typed in n2
    stop();
    stopOther();
    takeDrafts();
  });

  it('hands every draft over once, and keeps the session each was begun in', () => {
    beginEditSession();
    setDraft('n1', { body: 'one' });
    beginEditSession();
    setDraft('n1', { body: 'one more' });
    setDraft('n2', { tags: ['t'] });
    expect(hasDrafts()).toBe(true);
    const taken = takeDrafts();
    expect(taken.map(([id]) => id)).toEqual(['n1', 'n2']);
    expect(taken[0]![1].session).toBeLessThan(taken[1]![1].session);
    expect(taken[0]![1].body).toBe('one more');
    expect(hasDrafts()).toBe(false);
    expect(takeDrafts()).toEqual([]);
    expect(draftOf('n1').value).toBeNull();
  });
});
