import { describe, expect, it } from 'vitest';
import { beginEditSession, draftOf, dropDraft, hasDrafts, pendingDrafts, setDraft, settleDraft, takeDrafts } from './drafts';

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

  it('a draft stays until its save is answered "saved", and typing during the save survives it', () => {
    setDraft('n1', { body: 'sent' });
    const sent = pendingDrafts()[0]![1];
    expect(draftOf('n1').value?.body).toBe('sent'); // an editor mounted now shows it
    settleDraft('n1', sent, false); // the save failed: kept, to be sent again
    expect(hasDrafts()).toBe(true);
    setDraft('n1', { body: 'sent, and more' });
    settleDraft('n1', sent, true); // an older save answered: the newer text stays
    expect(draftOf('n1').value?.body).toBe('sent, and more');
    const latest = pendingDrafts()[0]![1];
    settleDraft('n1', latest, true);
    expect(hasDrafts()).toBe(false);
    expect(draftOf('n1').value).toBeNull();
  });

  it('a draft that can never be saved is dropped and handed back', () => {
    setDraft('gone', { body: 'typed into a deleted note' });
    expect(dropDraft('gone')?.body).toBe('typed into a deleted note');
    expect(hasDrafts()).toBe(false);
  });
});
