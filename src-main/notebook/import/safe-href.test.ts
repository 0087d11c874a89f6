import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href';

describe('safeHref', () => {
  it('keeps absolute http, https and mailto links, normalised', () => {
    expect(safeHref(' https://Example.org/a b ')).toBe('https://example.org/a%20b');
    expect(safeHref('HTTP://example.org')).toBe('http://example.org/');
    expect(safeHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
  });

  it('resolves a relative link only against a base it is given', () => {
    expect(safeHref('../b', 'https://example.org/x/y/')).toBe('https://example.org/x/b');
    expect(safeHref('../b')).toBeUndefined();
    expect(safeHref('#top')).toBeUndefined();
  });

  it('drops every other scheme, however it is spelt', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' jav\tascript:alert(1)', '\u0000javascript:x', 'data:text/html,<script>x</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://example.org/', null, undefined, '']) {
      expect(safeHref(href)).toBeUndefined();
    }
    expect(safeHref('javascript:alert(1)', 'https://example.org/')).toBeUndefined();
    expect(safeHref(`https://example.org/${'a'.repeat(5000)}`)).toBeUndefined();
  });
});
