import { describe, expect, it } from 'vitest';
import { deepLinkFromQuery, deepLinkUrl, parseDeepLink } from './deep-link';

describe('deep links', () => {
  it('write and read back every part, paths with spaces and non-ASCII included', () => {
    const link = { notebook: '/home/ana/Notes Ü/notebook.json', article: 'a_1', excerpt: 'x-2' };
    const url = deepLinkUrl(link);
    expect(url).toBe('leadline://open?notebook=%2Fhome%2Fana%2FNotes%20%C3%9C%2Fnotebook.json&article=a_1&excerpt=x-2');
    expect(parseDeepLink(url)).toEqual(link);
    expect(parseDeepLink(deepLinkUrl({ article: 'a', note: 'n' }))).toEqual({ article: 'a', note: 'n' });
    expect(parseDeepLink('leadline://open/?article=a')).toEqual({ article: 'a' });
  });

  it('refuse anything else', () => {
    for (const url of [
      'https://open?article=a',
      'leadline://delete?article=a',
      'leadline://open?excerpt=x',
      'leadline://open?article=../../etc',
      'leadline://open?article=a&excerpt=<script>',
      'leadline://open/x?article=a',
      'leadline://open?article=a&notebook=',
      'not a url',
      `leadline://open?article=${'a'.repeat(9000)}`,
    ]) {
      expect(parseDeepLink(url), url).toBeNull();
    }
  });

  it('read the same parameters from a page address (the browser host)', () => {
    expect(deepLinkFromQuery('?token=t&article=a&excerpt=x')).toEqual({ article: 'a', excerpt: 'x' });
    expect(deepLinkFromQuery('?token=t')).toBeNull();
  });
});
