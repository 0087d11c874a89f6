/**
 * Bytes of a file → its text. UTF-8 (with or without BOM) and UTF-16 with a BOM are
 * read for every format; a web page may also declare a legacy character set
 * (<meta charset>, http-equiv), read as a browser would (WHATWG Encoding Standard, pure
 * JavaScript, so it does not depend on the ICU data Node or Electron was built with).
 * Everything else is refused with a typed ImportError, never guessed: a wrong guess would
 * garble the text every excerpt is anchored on.
 */
import { getBOMEncoding, TextDecoder } from '@exodus/bytes/encoding.js';
import sniffHTMLEncoding from 'html-encoding-sniffer';
import type { ArticleFormat } from '../../shared/model';
import { detectFormat, refuseBinary } from './detect-format';
import { baseName, extensionOf } from './file-name';
import { emptyFile, tooLarge, undecodable } from './import-error';

/** The largest file read (20 MB): its text then stays within the 20,000,000 characters an article holds. */
export const MAX_FILE_BYTES = 20_000_000;

/**
 * How far a page's head is searched for its charset. The standard's prescan stops at
 * 1,024 bytes; saved pages often carry long comments and style blocks before the meta
 * tag, which a browser would still honour when it meets it.
 */
const PRESCAN_BYTES = 16 * 1024;

export interface DecodedText {
  /** The file's text, without its byte-order mark. */
  text: string;
  /** The WHATWG name of the encoding it was read with ("utf-8", "windows-1252", …). */
  encoding: string;
}

/** The encoding to read the bytes with: a BOM wins; a web page's own declaration next; else UTF-8. */
function encodingOf(bytes: Uint8Array, fileName: string, format: ArticleFormat): string {
  const bom = getBOMEncoding(bytes);
  if (bom) return bom;
  if (format !== 'html') return 'utf-8';
  const xml = extensionOf(fileName) === '.xhtml';
  return sniffHTMLEncoding(bytes, { xml, defaultEncoding: 'UTF-8', ...(xml ? {} : { maxPrescanBytes: PRESCAN_BYTES }) }).toLowerCase();
}

/** A decoder for the encoding, or null when no text can be read with it (the "replacement" encoding, an unknown label). */
function decoderFor(encoding: string): { decode(bytes: Uint8Array): string } | null {
  if (encoding === 'replacement') return null;
  // Unicode must be valid: a broken byte means the file is not what it claims. A legacy
  // page is read as a browser reads it, with U+FFFD for a byte its charset lacks.
  const fatal = encoding === 'utf-8' || encoding.startsWith('utf-16');
  try {
    return new TextDecoder(encoding, { fatal });
  } catch {
    return null;
  }
}

/**
 * Decodes a file's bytes, or throws an ImportError naming the file: empty, over 20 MB,
 * binary, or not decodable. `format` decides whether a declared charset is honoured.
 */
export function decode(bytes: Uint8Array, fileName: string, format: ArticleFormat = detectFormat(fileName, bytes)): DecodedText {
  const name = baseName(fileName);
  if (bytes.length === 0) throw emptyFile(name);
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(name, bytes.length, MAX_FILE_BYTES);
  refuseBinary(bytes, fileName);
  const encoding = encodingOf(bytes, fileName, format);
  const decoder = decoderFor(encoding);
  if (!decoder) throw undecodable(name, { declared: encoding });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw undecodable(name, { invalid: encoding });
  }
  if (text.trim() === '') throw emptyFile(name);
  return { text, encoding };
}
