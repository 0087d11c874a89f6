import { describe, expect, it } from 'vitest';
import { deepLinkUrl } from '../shared/deep-link';
import { linkRequest } from './link-request';

describe('linkRequest', () => {
  const notebook = '/home/ana/notebook.json';

  it('opens a link into the open notebook, or one that names none', () => {
    expect(linkRequest(deepLinkUrl({ notebook, article: 'a', excerpt: 'x' }), notebook)).toEqual({ link: { notebook, article: 'a', excerpt: 'x' } });
    expect(linkRequest('leadline://open?article=a&note=n', notebook)).toEqual({ link: { article: 'a', note: 'n' } });
  });

  it('says why it will not open a link into another notebook, or a broken one', () => {
    expect(linkRequest(deepLinkUrl({ notebook: '/elsewhere/n.json', article: 'a' }), notebook)).toMatchObject({ refused: { message: 'This link points into another notebook.', detail: expect.stringContaining('/elsewhere/n.json') } });
    expect(linkRequest('leadline://open?article=<x>', notebook)).toMatchObject({ refused: { message: 'Leadline cannot open this link.' } });
  });
});
