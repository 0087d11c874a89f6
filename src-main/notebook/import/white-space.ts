/**
 * White space as the reader shows it. Excerpts are anchored on the document's text, so
 * the text must already be what the reader displays: inside a block every run of white
 * space is one space and nothing leads or trails (as canonicalText does for plain text);
 * code keeps its lines, but never a blank one, since "\n\n" separates blocks.
 */

/** Runs of white space → one space, trimmed: a block's, a title's or a metadata field's text. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A code block's text: line ends made "\n", trailing spaces and blank lines dropped, indentation kept. */
export function codeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n');
}
