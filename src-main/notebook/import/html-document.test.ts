import { describe, expect, it } from 'vitest';
import { documentProblem } from '../../shared/article-document';
import { HOSTILE_CASES, PWNED_GLOBAL } from '../../shared/testdata/hostile-corpus';
import { parseHtmlDocument } from './html-dom';
import { htmlToDocument } from './html-document';
import { blockLines, markLines } from './testdata/document-view';

function convert(html: string, title?: string) {
  const body = parseHtmlDocument(html).body;
  if (!body) throw new Error('no body');
  const doc = htmlToDocument(body, title ? { title } : {});
  expect(documentProblem(doc)).toBeNull();
  return doc;
}

describe('htmlToDocument', () => {
  it('makes headings, paragraphs, nested list items, nested quotes and code blocks', () => {
    const doc = convert(`
      <h1>Main</h1><p>Intro  text
        over lines.</p>
      <h3>Sub</h3>
      <ul><li>one</li><li>two<ol><li>two.a</li></ol>after</li></ul>
      <blockquote><p>Said once.</p><blockquote>Said twice.</blockquote></blockquote>
      <pre><code>let x = 1;\n\n\n  x++;  \n</code></pre>
      <li>stray item</li>`);
    expect(blockLines(doc)).toEqual([
      'heading1: Main',
      'paragraph: Intro text over lines.',
      'heading3: Sub',
      'item1: one',
      'item1: two',
      'item2: two.a',
      'item1: after',
      'quote1: Said once.',
      'quote2: Said twice.',
      'code: let x = 1;\n  x++;',
      'item1: stray item',
    ]);
  });

  it('marks emphasis, strong, code, strike, safe links and images by their alt text', () => {
    const doc = convert(
      '<p><em>a</em> <i>b</i> <strong>c</strong> <b>d</b> <code>e()</code> <s>f</s> <del>g</del> <strike>h</strike> ' +
        '<a href="https://example.org/x">link</a> <a href="mailto:desk@example.org">mail</a> <a href="/relative">rel</a> ' +
        '<a href="javascript:alert(1)">js</a> <img src="x.png" alt=" A  chart "> <img src="y.png"> end<br>next</p>',
    );
    expect(blockLines(doc)).toEqual(['paragraph: a b c d e() f g h link mail rel js A chart end next']);
    expect(markLines(doc)).toEqual([
      'em(a)', 'em(b)', 'strong(c)', 'strong(d)', 'code(e())', 'strike(f)', 'strike(g)', 'strike(h)',
      'link(link → https://example.org/x)', 'link(mail → mailto:desk@example.org)', 'image(A chart)',
    ]);
  });

  it('makes a table one block per row, its non-empty cells joined by " | "', () => {
    const doc = convert('<table><caption>Losses</caption><tr><th>Unit</th><th>Tanks</th></tr><tr><td><b>1st</b> Guards</td><td></td><td><p>12</p><p>(est.)</p></td></tr></table>');
    expect(blockLines(doc)).toEqual(['paragraph: Losses', 'paragraph: Unit | Tanks', 'paragraph: 1st Guards | 12 (est.)']);
    expect(markLines(doc)).toEqual(['strong(1st)']);
  });

  it('leaves out code, resources, controls and hidden elements with their text', () => {
    const doc = convert(`<p>Kept</p><script>alert('s')</script><style>p{color:red}</style><noscript>ns</noscript>
      <svg><text>svg text</text><script>alert(2)</script></svg><iframe src="https://evil.example/">frame</iframe>
      <form action="https://evil.example/"><label>Name</label><input value="typed"><textarea>area</textarea><select><option>opt</option></select><button>Press</button></form>
      <p hidden>h1</p><div aria-hidden="true">h2</div><span style="color: red; display: none">h3</span><template><p>tpl</p></template>`);
    expect(blockLines(doc)).toEqual(['paragraph: Kept', 'paragraph: Name']);
  });

  it('leaves out the first heading that repeats the title, whatever its case and spacing', () => {
    const doc = convert('<h2>The  Title</h2><p>Body.</p><h2>The title</h2>', 'the title');
    expect(blockLines(doc)).toEqual(['paragraph: Body.', 'heading2: The title']);
  });

  it('keeps a link around several paragraphs on each of them', () => {
    const doc = convert('<a href="https://example.org/"><p>One</p><p>Two</p></a>');
    expect(markLines(doc)).toEqual(['link(One → https://example.org/)', 'link(Two → https://example.org/)']);
  });

  it('decodes entities and reads text outside <body> and markup with no <html>', () => {
    expect(blockLines(convert('<p>Caf&eacute; &amp; &#8220;bar&#8221;&nbsp;x</p>'))).toEqual(['paragraph: Café & “bar” x']);
    expect(blockLines(convert('<!doctype html><title>T</title><p>Bare page</p>'))).toEqual(['paragraph: Bare page']);
    expect(blockLines(convert('<html><head><title>T</title></head><p>Before body</p><body><p>In body</p></body><p>After</p></html>'))).toEqual([
      'paragraph: Before body',
      'paragraph: In body',
      'paragraph: After',
    ]);
    expect(convert('').text).toBe('');
  });

  it('keeps no script, handler or dangerous link from the hostile corpus', () => {
    // A browser shows these payloads as text too: Markdown syntax, and a script tag split so it is no tag.
    const shownAsText = (name: string): boolean => name.startsWith('markdown') || name === 'split script tag';
    for (const { name, payload } of HOSTILE_CASES) {
      const doc = convert(`<p>Before.</p>${payload}<p>After.</p>`);
      if (!shownAsText(name)) expect(doc.text, name).not.toMatch(new RegExp(`${PWNED_GLOBAL}|javascript:`));
      expect(doc.text, name).not.toMatch(/<script|onerror|onload/i);
      for (const block of doc.blocks) for (const mark of block.marks ?? []) if (mark.href) expect(mark.href, name).toMatch(/^(https?|mailto):/);
    }
  });
});
