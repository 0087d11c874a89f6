import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, MAX_FILE_BYTES } from './decode';
import { importFailure as failure } from './testdata/expect-failure';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`./testdata/${name}`, import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('decode', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decode(utf8('Café — naïve'), 'a.txt')).toEqual({ text: 'Café — naïve', encoding: 'utf-8' });
    expect(decode(bytes([0xef, 0xbb, 0xbf], 'Hi'), 'a.txt', 'text').text).toBe('Hi');
  });

  it('reads UTF-16 LE and BE files by their BOM', () => {
    const { text, encoding } = decode(fixture('utf16le-notes.txt'), 'utf16le-notes.txt');
    expect(encoding).toBe('utf-16le');
    expect(text.startsWith('Field notes: Kherson crossing\r\n')).toBe(true);
    expect(text).toContain('Переправа работала дважды. 😀 Café owner: Zoë Ørsted.');
    expect(decode(bytes([0xfe, 0xff, 0x00, 0x48, 0x00, 0xe9]), 'be.txt')).toEqual({ text: 'Hé', encoding: 'utf-16be' });
  });

  it('reads a web page in the legacy charset it declares, by <meta charset> or http-equiv', () => {
    const page = (head: string): Uint8Array => bytes(`<!doctype html><html><head>${head}</head><body><p>caf`, [0xe9, 0x20, 0x93], 'quoted', [0x94, 0x20, 0x80], '5</p></body></html>');
    expect(decode(page('<meta charset="windows-1252">'), 'p.html').text).toContain('café “quoted” €5');
    expect(decode(page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'), 'p.htm')).toMatchObject({ encoding: 'windows-1252' });
    const koi8 = bytes('<html><head><meta charset="koi8-r"></head><body>', [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4], '</body></html>');
    expect(decode(koi8, 'ru.html').text).toContain('Привет');
  });

  it('reads the saved news page as windows-1252', () => {
    const { text, encoding } = decode(fixture('news-page.html'), 'news-page.html');
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('Zaporizhzhia’s');
    expect(text).toContain('about €25');
    expect(text).not.toContain('\uFFFD');
  });


  it('ignores a charset declaration in plain text and Markdown files', () => {
    const declared = bytes('<meta charset="windows-1252"> caf', [0xe9]);
    expect(failure(() => decode(declared, 'note.md')).reason).toBe('undecodable');
  });

  it('refuses an empty file, or one holding only white space or a BOM', () => {
    for (const content of [bytes(), utf8(' \n\t\n'), bytes([0xef, 0xbb, 0xbf])]) {
      const error = failure(() => decode(content, '/home/ana/empty.txt'));
      expect(error.reason).toBe('empty');
      expect(error.message).toBe('"empty.txt" is empty, so there is no text to read; check that it was saved completely. Nothing was imported.');
    }
  });

  it('refuses a file over 20 MB without decoding it', () => {
    const error = failure(() => decode(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), 'C:\\Users\\ana\\dump.txt'));
    expect(error.reason).toBe('too-large');
    expect(error.message).toBe('"dump.txt" is 20.1 MB, more than the 20 MB an article may hold; split it into smaller parts. Nothing was imported.');
    expect(decode(new Uint8Array(MAX_FILE_BYTES).fill(0x61), 'ok.txt').text.length).toBe(MAX_FILE_BYTES);
  });

  it('refuses binary files, naming what they look like', () => {
    const pdf = failure(() => decode(bytes('%PDF-1.7\n%'), 'report.pdf'));
    expect(pdf.reason).toBe('binary');
    expect(pdf.message).toBe('"report.pdf" is not a text, Markdown or web page file (it looks like a PDF). Nothing was imported.');
    const png = failure(() => decode(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'chart.txt'));
    expect(png.message).toContain('(it looks like a PNG image)');
    const docx = failure(() => decode(bytes('PK', [3, 4, 20, 0]), 'memo.md'));
    expect(docx.message).toContain('a Word, OpenDocument or EPUB file');
    const nul = failure(() => decode(bytes('plain text', [0], 'more'), 'odd.html'));
    expect(nul.message).toBe('"odd.html" is not a text, Markdown or web page file (it holds binary data). Nothing was imported.');
  });

  it('refuses invalid UTF-8 that declares no legacy charset', () => {
    const latin1Text = bytes('Caf', [0xe9], ' au lait');
    for (const name of ['menu.txt', 'menu.md', 'menu.html']) {
      const error = failure(() => decode(latin1Text, name));
      expect(error.reason).toBe('undecodable');
      expect(error.message).toBe(`"${name}" is not valid UTF-8 text and does not declare another character set; save it again as UTF-8 and import that file. Nothing was imported.`);
    }
    const declaredUtf8 = bytes('<html><head><meta charset="utf-8"></head><body>caf', [0xe9], '</body></html>');
    expect(failure(() => decode(declaredUtf8, 'page.html')).reason).toBe('undecodable');
  });

  it('refuses a page declaring a character set that cannot be read, and broken UTF-16', () => {
    const replacement = failure(() => decode(bytes('<meta charset="iso-2022-kr"><p>x</p>'), 'kr.html'));
    expect(replacement.message).toBe('"kr.html" declares the character set "replacement", which Leadline cannot read; save it again as UTF-8 and import that file. Nothing was imported.');
    const loneSurrogate = failure(() => decode(bytes([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'notes.txt'));
    expect(loneSurrogate.message).toContain('"notes.txt" is not valid UTF-16LE text');
  });
});
