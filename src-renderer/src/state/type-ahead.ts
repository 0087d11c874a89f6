/**
 * Keys typed between "Annotate" and the moment the new note's editor has focus (a
 * round trip to the store, then a render) would land on the article and be lost.
 * They are kept here until the editor takes them.
 */
let buffer: string | null = null;
let capturing = false;
let safety: ReturnType<typeof setTimeout> | undefined;

/** Should the editor never appear, keys go back to the page after this long. */
const MAX_CAPTURE_MS = 3000;

function capture(event: KeyboardEvent): void {
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

/** Starts keeping keystrokes for an editor about to open. */
export function startTypeAhead(): void {
  stopCapturing();
  buffer = '';
  capturing = true;
  window.addEventListener('keydown', capture, true);
  safety = setTimeout(stopCapturing, MAX_CAPTURE_MS);
}

/** Stops keeping keystrokes and returns them (the editor calls this as it takes focus). */
export function takeTypeAhead(): string {
  stopCapturing();
  const typed = buffer ?? '';
  buffer = null;
  return typed;
}
