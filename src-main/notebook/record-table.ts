/**
 * A list of records by id, changed the way applyPatch changes it, at the cost of the
 * change: it behaves like `new Map(list.map((r) => [r.id, r]))` (a rewritten record keeps
 * its place, a removed one goes, a new one is appended) without building that Map for
 * every save. The id → position index is built once per list and handed on to the next
 * list when records were only rewritten in place (a keystroke's save), which is most saves.
 */

/** id → position of a list, for lists this module made or indexed. */
const positions = new WeakMap<readonly { id: string }[], ReadonlyMap<string, number>>();

function positionsOf(list: readonly { id: string }[]): ReadonlyMap<string, number> {
  let index = positions.get(list);
  if (!index) {
    const built = new Map<string, number>();
    list.forEach((record, i) => built.set(record.id, i));
    index = built;
    positions.set(list, index);
  }
  return index;
}

export class RecordTable<T extends { id: string }> {
  private readonly base: T[];
  private readonly index: ReadonlyMap<string, number>;
  /** Copy of `base` with records rewritten in place; made at the first rewrite. */
  private rewritten: T[] | undefined;
  private readonly removed = new Set<string>();
  /** Records not at a position of `base`: new ones, and ones removed then written again. */
  private readonly added = new Map<string, T>();

  constructor(list: T[]) {
    this.base = list;
    this.index = positionsOf(list);
  }

  private position(id: string): number | undefined {
    return this.removed.has(id) ? undefined : this.index.get(id);
  }

  get(id: string): T | undefined {
    const at = this.position(id);
    return at === undefined ? this.added.get(id) : (this.rewritten ?? this.base)[at];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    return this.base.length - this.removed.size + this.added.size;
  }

  delete(id: string): boolean {
    if (this.added.delete(id)) return true;
    if (this.position(id) === undefined) return false;
    this.removed.add(id);
    return true;
  }

  set(record: T): void {
    const at = this.position(record.id);
    if (at === undefined) {
      this.added.set(record.id, record);
      return;
    }
    this.rewritten ??= [...this.base];
    this.rewritten[at] = record;
  }

  *values(): IterableIterator<T> {
    const list = this.rewritten ?? this.base;
    for (const record of list) if (!this.removed.has(record.id)) yield record;
    yield* this.added.values();
  }

  /** The list after the changes: the very same array when nothing changed. */
  toArray(): T[] {
    if (this.removed.size === 0 && this.added.size === 0) {
      if (!this.rewritten) return this.base;
      positions.set(this.rewritten, this.index); // same ids at the same places
      return this.rewritten;
    }
    return [...this.values()];
  }
}
