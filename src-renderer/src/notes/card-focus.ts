/** Arrow keys move between cards; Home/End jump to the first/last. */
export function moveCardFocus(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  if (!target.classList.contains('note-card')) return;
  const cards = Array.from(target.parentElement?.querySelectorAll<HTMLElement>(':scope > .note-card') ?? []);
  const index = cards.indexOf(target);
  const next =
    event.key === 'ArrowDown' ? cards[index + 1] : event.key === 'ArrowUp' ? cards[index - 1] : event.key === 'Home' ? cards[0] : event.key === 'End' ? cards.at(-1) : undefined;
  if (next) {
    event.preventDefault();
    next.focus();
  }
}
