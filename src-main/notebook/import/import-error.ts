/**
 * The one way an import fails: a typed error whose message is a whole sentence a
 * researcher can act on — which file, what is wrong with it, what to do — ending with
 * "Nothing was imported." so the UI can show it as it is.
 */
export type ImportFailure = 'empty' | 'too-large' | 'binary' | 'undecodable' | 'no-readable-text' | 'too-complex';

export class ImportError extends Error {
  constructor(
    readonly reason: ImportFailure,
    /** The file's name as the user knows it (no folder), or a label such as "the pasted text". */
    readonly fileName: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** What a paste is called in messages, in place of a file name. */
export const PASTED = 'The pasted text';

/** The name as quoted in messages: the file name in double quotes, or the paste's label as it is. */
function quoted(fileName: string): string {
  return fileName === PASTED ? fileName : `"${fileName}"`;
}

function fail(reason: ImportFailure, fileName: string, sentence: string): ImportError {
  return new ImportError(reason, fileName, `${quoted(fileName)} ${sentence} Nothing was imported.`);
}

export function emptyFile(fileName: string): ImportError {
  if (fileName === PASTED) return fail('empty', fileName, 'is empty; copy the text again and paste it.');
  return fail('empty', fileName, 'is empty, so there is no text to read; check that it was saved completely.');
}

export function tooLarge(fileName: string, bytes: number, limitBytes: number): ImportError {
  // Rounded up, so a file just over the limit never reads as the limit itself.
  const mb = (n: number): string => `${Math.ceil(n / 100_000) / 10} MB`;
  return fail('too-large', fileName, `is ${mb(bytes)}, more than the ${mb(limitBytes)} an article may hold; split it into smaller parts.`);
}

/** `looksLike` names what the bytes seem to be ("a PDF"), or is null when nothing more is known. */
export function binaryFile(fileName: string, looksLike: string | null): ImportError {
  const why = looksLike ? `it looks like ${looksLike}` : 'it holds binary data';
  return fail('binary', fileName, `is not a text, Markdown or web page file (${why}).`);
}

/**
 * The text cannot be read: `declared` is a character set the file names but no decoder
 * knows; otherwise its bytes are not valid in `encoding` (UTF-8 when it declares nothing).
 */
export function undecodable(fileName: string, problem: { declared: string } | { invalid: string }): ImportError {
  const why =
    'declared' in problem
      ? `declares the character set "${problem.declared}", which Leadline cannot read`
      : problem.invalid === 'utf-8'
        ? 'is not valid UTF-8 text and does not declare another character set'
        : `is not valid ${problem.invalid.toUpperCase()} text`;
  return fail('undecodable', fileName, `${why}; save it again as UTF-8 and import that file.`);
}

/** A page whose reader view is empty, or a text or Markdown file with nothing but markup, front matter or a title. */
export function noReadableText(fileName: string, what: 'page' | 'text'): ImportError {
  const why =
    what === 'page'
      ? '(a page that builds its text with scripts shows none here, as Leadline never runs them); copy the text and paste it instead.'
      : '(only markup, front matter or a title); add the text and import it again.';
  return fail('no-readable-text', fileName, `has no readable article text ${why}`);
}

/** The document broke a limit of the article model (too many blocks or marks) or its invariants. */
export function tooComplex(fileName: string, problem: string): ImportError {
  return fail('too-complex', fileName, `could not be turned into a readable article (${problem}); split it into smaller files.`);
}
