/**
 * The one way an annotations import fails: a sentence naming the file, saying what is
 * wrong and what to do, ending "Nothing was imported." (the import is all or nothing).
 */
export class AnnotationFileError extends Error {
  constructor(
    /** The file's name as the user knows it. */
    readonly fileName: string,
    sentence: string,
  ) {
    super(`"${fileName}" ${sentence} Nothing was imported.`);
    this.name = 'AnnotationFileError';
  }
}
