/**
 * Which cards of the virtual notes list are built and which are shown as shells for now.
 *
 * A jump (the scrollbar dragged far, End, the first screenful on opening) brings a
 * screenful of cards at once. Built together, their Markdown, sanitising, style and layout
 * overrun a frame. So a card new to the viewport is built only in a fill tick, a few per
 * frame; until then it is an empty shell of its estimated height. The jump's own frame
 * builds none: it already pays for the scroll and the cards it leaves.
 *
 * Cards off screen (pinned ones, those built ahead in idle time) are built whatever the
 * budget: they are few, and idle time is their budget.
 */
export interface PlannedCard {
  key: string;
  index: number;
}

export interface FillPlan {
  /** Keys of the cards built in this render. */
  built: Set<string>;
  /** How many in-view cards are left as shells. */
  shells: number;
}

/**
 * `inView(index)`: whether a card is in the viewport (and not pinned); `wasBuilt`: keys built
 * in the last render (a card that stays is not built again); `budget`: how many new in-view
 * cards this render may build (0 outside a fill tick).
 */
export function planFill(items: readonly PlannedCard[], inView: (index: number) => boolean, wasBuilt: ReadonlySet<string>, budget: number): FillPlan {
  const built = new Set<string>();
  let shells = 0;
  let left = budget;
  for (const { key, index } of items) {
    if (!inView(index) || wasBuilt.has(key) || left-- > 0) built.add(key);
    else shells++;
  }
  return { built, shells };
}
