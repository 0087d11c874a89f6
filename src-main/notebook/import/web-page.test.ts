import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleDocumentSchema } from '../../shared/article-document';
import { decode } from './decode';
import { NEWS_SOURCE, NEWS_TITLE } from './testdata/news-page-expected';
import { blockLines, markLines } from './testdata/document-view';
import { importFailure } from './testdata/expect-failure';
import { webPageToArticle } from './web-page';

const page = (name: string): string => decode(readFileSync(new URL(`./testdata/${name}`, import.meta.url)), name).text;

describe('webPageToArticle: the saved news page', () => {
  const article = webPageToArticle(page('news-page.html'), 'news-page.html');
  const blocks = blockLines(article.document);

  it('reads the title and the source from the page', () => {
    expect(article.title).toBe(NEWS_TITLE);
    expect(article.source).toEqual(NEWS_SOURCE);
    expect(ArticleDocumentSchema.safeParse(article.document).success).toBe(true);
  });

  it('keeps the article: its headings, paragraphs, nested list, quote, links and image alt text', () => {
    expect(blocks.filter((b) => b.startsWith('heading'))).toEqual([
      'heading2: What the residents describe',
      'heading2: A route that matters',
      'heading3: Fuel, trucks and a price list',
      'heading2: How the old route worked',
      'heading2: What the satellite images show',
    ]);
    expect(blocks[0]).toBe(
      'paragraph: Two barges a day have started crossing the Kakhovka reservoir again, residents of three villages on the southern bank told the Ledger, nine months after the dam’s collapse drained much of the water and left the old ferry route a field of mud and reeds.',
    );
    expect(blocks).toContain('paragraph: Residents also described a price list posted at the southern landing: 2,500 roubles (about €25) for a car, 9,000 roubles for a truck, and a separate, unwritten rate for fuel tankers. One resident sent the Ledger a photograph of the list, which matches the prices advertised in a local messaging channel since mid-February.');
    expect(blocks.filter((b) => b.startsWith('item'))).toEqual([
      'item1: civilian trucks with Crimean licence plates, most of them loaded with building materials;',
      'item1: fuel tankers, usually two per crossing, never more than three;',
      'item1: on two evenings, a column of military vehicles:',
      'item2: three armoured personnel carriers, according to one resident;',
      'item2: “green trucks with canvas covers”, according to two others.',
    ]);
    expect(blocks.filter((b) => b.startsWith('quote'))).toEqual(['quote1: The reservoir was a barrier for both sides. If one side can cross it on a timetable, the map of this part of the front changes.']);
    expect(blocks.filter((b) => b.startsWith('paragraph'))).toHaveLength(19);
    expect(blocks.at(-1)).toBe('paragraph: Readers who live near the reservoir and have seen the crossings can contact our newsroom securely; details are on our secure contact page. Please do not send photographs of military positions.');
    expect(markLines(article.document)).toEqual([
      'link(A scene from 27 February → https://imagery.example.org/scenes/2024-02-27/zap-04)',
      'image(A flat-bottomed barge loaded with trucks at a muddy landing stage)',
      'em(never)',
      'strong(review new satellite images)',
      'link(secure contact page → https://www.dnipro-ledger.example/contact/securedrop)',
    ]);
  });

  it('leaves out the title heading, byline, navigation, cookie banner, ads, related links, comments, footer and scripts', () => {
    const left = [
      'Ferry crossings resume', 'By Olena', '07:30', 'Search the Ledger', 'Subscribe from', 'Regions', 'Investigations', 'Home',
      'Accept all cookies', '847 partners', 'Advertisement', 'Sponsored', 'Promoted stories',
      'Related stories', 'nine months later: a forest', 'Morning Ledger', 'Most read', 'Power cut',
      'Comments (5)', 'kherson_watcher', 'I saw these barges myself', 'Post comment',
      'About the Ledger', 'All rights reserved', 'You have read 3', 'Share on', 'Topics:',
      'dataLayer', 'gtag', '__LEDGER_CONFIG__', 'acceptCookies', 'tracking pixel', 'icon-menu',
    ];
    for (const words of left) expect(article.document.text, words).not.toContain(words);
  });
});

describe('webPageToArticle: hostile markup', () => {
  const article = webPageToArticle(page('hostile-page.html'), 'hostile-page.html');

  it('keeps the words and none of the scripts, handlers, frames, forms or styles', () => {
    expect(article.title).toBe('Harbour log, week 9');
    expect(blockLines(article.document)).toEqual([
      "paragraph: The harbour master's log for week 9 records eleven arrivals and nine departures, most of them grain carriers waiting for berths at the southern quay. Quay photo Two of the arrivals were tugs.",
      'paragraph: Berth assignments changed twice during the week because of dredging works near the entrance channel; the log notes the delays in hours, not days, which suggests the works were well planned and short. See the berth table and the archive.',
      "paragraph: A third paragraph, long enough for a reader view to count it as text: the log's handwriting changes on Thursday, when a relief clerk took over, and the entries become shorter and less careful about the times of arrival, rounding them to the nearest quarter hour.",
      'paragraph: The last entry of the week, on Sunday, notes fog in the morning and no movements until noon, when the pilot boat went out to meet a carrier flying a flag the clerk did not recognise.',
    ]);
    expect(article.document.text).not.toMatch(/__pwned|evil\.example|onerror|onload|<script|SVG link|Send form|secret/);
  });

  it('resolves relative links against the canonical address, never the page\'s <base>', () => {
    expect(article.source.url).toBe('https://harbour-log.example/week-9');
    expect(markLines(article.document)).toEqual([
      'image(Quay photo)',
      'link(berth table → https://harbour-log.example/berths/week-9.html)',
      'link(archive → https://harbour-log.example/archive)',
    ]);
  });
});

describe('webPageToArticle: pathological nesting', () => {
  const nested = (depth: number): string =>
    `<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>Deep words.</p>${'</div>'.repeat(depth)}<p>Shallow words.</p></body></html>`;

  it('reads a page nested too deep for Readability as a whole, keeping its text', () => {
    const article = webPageToArticle(nested(300), 'deep.html');
    expect(article.title).toBe('Deep');
    expect(blockLines(article.document)).toEqual(['paragraph: Deep words.', 'paragraph: Shallow words.']);
  });

  it('leaves out what is nested deeper than any page nests its text, instead of overflowing the stack', () => {
    expect(blockLines(webPageToArticle(nested(20_000), 'deep.html').document)).toEqual(['paragraph: Shallow words.']);
  });
});

describe('webPageToArticle: pages without article text', () => {
  it('fails with "has no readable article text", naming the file', () => {
    for (const html of [page('empty-app-page.html'), '<html><body></body></html>', '<p>   </p>', '<svg><text>only drawing</text></svg>']) {
      const error = importFailure(() => webPageToArticle(html, '/home/ana/dashboard.html'));
      expect(error.reason).toBe('no-readable-text');
      expect(error.message).toMatch(/^"dashboard\.html" has no readable article text .* Nothing was imported\.$/);
    }
  });

  it('takes the title from the file name when the page has none', () => {
    const article = webPageToArticle('<p>Only a short paragraph of text here.</p>', '/tmp/Saved notes.html');
    expect(article.title).toBe('Saved notes');
    expect(article.source).toEqual({});
    expect(blockLines(article.document)).toEqual(['paragraph: Only a short paragraph of text here.']);
  });
});
