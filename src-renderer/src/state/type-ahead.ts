/**
 * Keys typed between "Annotate" and the moment the new note's editor has focus (a
 * round trip to the store, then a render) would land on the article and be lost.
 * They are kept here until the editor takes them.
 */
let buffer: string | null = null;
let capturing = false;
let safety: ReturnType<typeof setTimeout> | undefined;

/** Should the editor never appear once the note exists, keys go back to the page after this long. */
const MAX_CAPTURE_MS = 3000;

function capture(event: KeyboardEvent): void {
  if (event.key === 'Escape') return stopCapturing(); // given up on: the keys go to the page again
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key.length === 1) buffer += event.key;
  else if (event.key === 'Enter') buffer += '\n';
  else if (event.key === 'Backspace') buffer = (buffer ?? '').slice(0, -1);
  else return;
  event.preventDefault();
}

function stopCapturing(): void {
  if (!capturing) return;
  capturing = false;
  clearTimeout(safety);
  window.removeEventListener('keydown', capture, true);
}

/**
 * Starts keeping keystrokes for an editor about to open. They are kept for as long as the
 * note takes to be created (it may wait in the queue: behind the notes still loading, or
 * a slow disk); the caller ends it, or arms the time limit once the note exists.
 */
export function startTypeAhead(): void {
  stopCapturing();
  buffer = '';
  capturing = true;
  window.addEventListener('keydown', capture, true);
}

/** The note exists: its editor should take the keys within MAX_CAPTURE_MS, else they go back to the page. */
export function expectEditorSoon(): void {
  if (!capturing) return;
  clearTimeout(safety);
  safety = setTimeout(stopCapturing, MAX_CAPTURE_MS);
}

/** Stops keeping keystrokes and returns them (the editor calls this as it takes focus). */
export function takeTypeAhead(): string {
  stopCapturing();
  const typed = buffer ?? '';
  buffer = null;
  return typed;
}
