import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from './html-dom';
import { removeBoilerplate } from './page-boilerplate';

function remaining(html: string): string {
  const document = parseHtmlDocument(html);
  removeBoilerplate(document);
  return (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('removeBoilerplate', () => {
  it('takes out ad slots and consent banners named as such', () => {
    expect(
      remaining(`<p>Kept.</p><div class="ad-slot ad-inline">Sponsored: buy</div><div id="top_ad">x</div><ins class="adsbygoogle">g</ins>
        <aside class="sponsored">s</aside><div data-ad-unit="/1/x">u</div><div class="cookieBanner">c</div><div id="gdpr-notice">g</div>
        <div class="consent-overlay">o</div><div class="taboola-feed">t</div><div class="box ads">a</div>`),
    ).toBe('Kept.');
  });

  it('leaves alone names that only contain "ad" inside a word', () => {
    const html = '<header class="header lead">H</header> <div class="shadow download">D</div> <p class="add-to-cart loaded">A</p> <p id="thread-adverb">T</p>';
    expect(remaining(html)).toBe('H D A T');
  });
});
