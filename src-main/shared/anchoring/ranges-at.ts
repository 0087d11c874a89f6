import type { TextRange } from './text-range';

/** Ids of the items whose range contains offset (start <= offset < end), for hit-testing a click. */
export function rangesAt(ranges: ReadonlyArray<{ id: string } & TextRange>, offset: number): string[] {
  return ranges.filter((range) => range.start <= offset && offset < range.end).map((range) => range.id);
}
