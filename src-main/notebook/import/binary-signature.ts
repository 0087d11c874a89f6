/**
 * Recognises files that are not text: by their magic numbers first, so the message can
 * say what the file seems to be, then by NUL bytes, which no text file in UTF-8 or a
 * legacy single/multi-byte encoding contains (UTF-16 files are told apart by their BOM
 * before this runs).
 */

interface Signature {
  /** The bytes at `offset`; null matches any byte. */
  bytes: readonly (number | null)[];
  offset?: number;
  looksLike: string;
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

// Each signature is long enough (or holds a byte no text has) that no real text file starts with it.
const SIGNATURES: readonly Signature[] = [
  { bytes: ascii('%PDF-'), looksLike: 'a PDF' },
  { bytes: [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a], looksLike: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image' },
  { bytes: [...ascii('GIF8'), null, ...ascii('a')], looksLike: 'a GIF image' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')], looksLike: 'a WebP image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], looksLike: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], looksLike: 'a TIFF image' },
  { bytes: ascii('ftyp'), offset: 4, looksLike: 'a video, audio or HEIC image file' },
  { bytes: [...ascii('ID3'), null, 0x00], looksLike: 'an MP3 audio file' },
  { bytes: ascii('OggS'), looksLike: 'an Ogg audio or video file' },
  { bytes: ascii('fLaC'), looksLike: 'a FLAC audio file' },
  // Word (.docx), Excel, OpenDocument and EPUB files are ZIP archives too.
  { bytes: [0x50, 0x4b, 0x03, 0x04], looksLike: 'a ZIP archive, or a Word, OpenDocument or EPUB file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: 'an old Word, Excel or Outlook file' },
  { bytes: ascii('{\\rtf'), looksLike: 'an RTF document' },
  { bytes: [0x1f, 0x8b], looksLike: 'a gzip archive' },
  { bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c], looksLike: 'a 7-Zip archive' },
  { bytes: [...ascii('Rar!'), 0x1a, 0x07], looksLike: 'a RAR archive' },
  { bytes: [0xfd, ...ascii('7zXZ'), 0x00], looksLike: 'an xz archive' },
  { bytes: [...ascii('SQLite format 3'), 0x00], looksLike: 'an SQLite database' },
  { bytes: [0x7f, ...ascii('ELF')], looksLike: 'a program' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], looksLike: 'a program' },
  { bytes: [0x00, ...ascii('asm')], looksLike: 'a WebAssembly module' },
];

function matches(bytes: Uint8Array, signature: Signature): boolean {
  const offset = signature.offset ?? 0;
  if (bytes.length < offset + signature.bytes.length) return false;
  return signature.bytes.every((b, i) => b === null || bytes[offset + i] === b);
}

/**
 * What a binary file looks like ("a PDF"), "" for binary data of no known kind, or null
 * when the bytes may be text. Only call it on bytes that do not start with a UTF-16 BOM.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  const known = SIGNATURES.find((signature) => matches(bytes, signature));
  if (known) return known.looksLike;
  return bytes.indexOf(0) >= 0 ? '' : null;
}
