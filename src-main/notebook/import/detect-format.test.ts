import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';
import { ImportError } from './import-error';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectFormat', () => {
  it('goes by the extension, in any case', () => {
    const any = utf8('<!doctype html><p>x</p>');
    expect(detectFormat('notes.txt', any)).toBe('text');
    expect(detectFormat('notes.TEXT', any)).toBe('text');
    expect(detectFormat('memo.md', any)).toBe('markdown');
    expect(detectFormat('/a/b/memo.Markdown', any)).toBe('markdown');
    expect(detectFormat('page.HTML', utf8('just text'))).toBe('html');
    expect(detectFormat('page.htm', utf8('just text'))).toBe('html');
    expect(detectFormat('page.xhtml', utf8('just text'))).toBe('html');
  });

  it('sniffs other extensions: a doctype or <html> start is a web page, anything else text', () => {
    expect(detectFormat('saved.php', utf8('\n  <!DOCTYPE html>\n<html><body>x</body></html>'))).toBe('html');
    expect(detectFormat('saved', utf8('\uFEFF<!-- saved from url=(0022)https://example.org/ -->\n<html lang="en">'))).toBe('html');
    expect(detectFormat('page.asp', utf8('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'))).toBe('html');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<html>'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(detectFormat('page.dat', utf16)).toBe('html');
    expect(detectFormat('README', utf8('# Title\n\n<html> is a tag'))).toBe('text');
    expect(detectFormat('notes.log', utf8('<htmlx>'))).toBe('text');
  });

  it('refuses binary files whatever their extension', () => {
    for (const name of ['photo.jpg', 'photo.txt', 'photo']) {
      expect(() => detectFormat(name, new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toThrow(ImportError);
    }
    expect(() => detectFormat('blob.bin', new Uint8Array([1, 2, 0, 3]))).toThrow(/"blob.bin" is not a text, Markdown or web page file \(it holds binary data\)/);
  });
});
