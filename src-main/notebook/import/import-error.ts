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

/** The name as quoted in messages: the file name in double quotes, or a paste's label as it is. */
function quoted(fileName: string): string {
  return fileName.startsWith('the pasted ') ? fileName : `"${fileName}"`;
}

function fail(reason: ImportFailure, fileName: string, sentence: string): ImportError {
  return new ImportError(reason, fileName, `${quoted(fileName)} ${sentence} Nothing was imported.`);
}

export function emptyFile(fileName: string): ImportError {
  return fail('empty', fileName, 'is empty, so there is no text to read; check that it was saved completely.');
}

export function tooLarge(fileName: string, bytes: number, limitBytes: number): ImportError {
  // Rounded up, so a file just over the limit never reads as the limit itself.
  const mb = (n: number): string => `${Math.ceil(n / 100_000) / 10} MB`;
  return fail('too-large', fileName, `is ${mb(bytes)}, more than the ${mb(limitBytes)} an article may hold; split it into smaller files.`);
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

export function noReadableText(fileName: string): ImportError {
  return fail('no-readable-text', fileName, 'has no readable article text (a page that builds its text with scripts shows none here, as Leadline never runs them); copy the text and paste it instead.');
}

/** The document broke a limit of the article model (too many blocks or marks) or its invariants. */
export function tooComplex(fileName: string, problem: string): ImportError {
  return fail('too-complex', fileName, `could not be turned into a readable article (${problem}); split it into smaller files.`);
}
