/**
 * Which converter reads a file: its extension decides; a file with another extension
 * (or none) is sniffed — a web page starts with a doctype or an <html> tag, anything
 * else that is text is read as plain text. Binary files are refused here already, so a
 * ".dat" holding a PNG never reaches a decoder.
 */
import { TextDecoder } from '@exodus/bytes/encoding.js';
import type { ArticleFormat } from '../../shared/model';
import { binaryKind } from './binary-signature';
import { baseName, extensionOf } from './file-name';
import { binaryFile } from './import-error';

const BY_EXTENSION: ReadonlyMap<string, ArticleFormat> = new Map([
  ['.txt', 'text'],
  ['.text', 'text'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.xhtml', 'html'],
]);

/** How many bytes the sniffing looks at: a page's doctype or <html> tag comes first. */
const SNIFF_BYTES = 1024;

/** The first bytes as text, enough to see a doctype: UTF-16 by its BOM, else one byte per character. */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  // One character per byte is enough to see ASCII markup in UTF-8 and every legacy encoding.
  return String.fromCharCode(...head);
}

/** A doctype or <html> tag, after optional white space, XML declaration and comments. */
const HTML_START = /^(?:\uFEFF|\u00ef\u00bb\u00bf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i;

/** True when the bytes start with a UTF-16 byte-order mark (whose text holds NUL bytes). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Throws the "not a text file" failure when the bytes are binary. */
export function refuseBinary(bytes: Uint8Array, fileName: string): void {
  if (hasUtf16Bom(bytes)) return;
  const kind = binaryKind(bytes);
  if (kind !== null) throw binaryFile(baseName(fileName), kind || null);
}

/** The format to read `bytes` as; throws an ImportError for a binary file. */
export function detectFormat(fileName: string, bytes: Uint8Array): ArticleFormat {
  refuseBinary(bytes, fileName);
  const known = BY_EXTENSION.get(extensionOf(fileName));
  if (known) return known;
  return HTML_START.test(headText(bytes)) ? 'html' : 'text';
}
