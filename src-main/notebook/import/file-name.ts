/**
 * File names as the importer uses them. Callers may pass a full path from any system
 * (an Electron dialog on Windows gives backslashes), so both separators are cut here
 * rather than with node:path, whose rules follow the machine running the code.
 */

/** The last segment of a path: what messages name and what the fallback title comes from. */
export function baseName(fileName: string): string {
  const segments = fileName.split(/[\\/]/);
  return segments.at(-1) || fileName;
}

/** The extension in lower case with its dot (".md"), or "" when there is none. */
export function extensionOf(fileName: string): string {
  const name = baseName(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** The name without folder and extension, for a title of last resort. */
export function titleFromFileName(fileName: string): string {
  const name = baseName(fileName);
  const stem = name.slice(0, name.length - extensionOf(name).length).trim();
  return stem || 'Untitled';
}
