/**
 * Which chunks of the article are on screen or within a screen of it, followed with an
 * IntersectionObserver: the browser reports them after its own layout, so scrolling
 * costs no layout read of ours (a binary search over bounding boxes would force one).
 */
export interface ChunkSpan {
  first: number;
  last: number;
}

/**
 * How far beyond the viewport, above and below, a chunk still counts as near: a screen.
 * With half a screen, the browser's own content-visibility still laid out one more chunk
 * in the frame after a far jump (npm run bench, "draw"); drawn here, it is laid out before
 * that frame, while the draw measures.
 */
const MARGIN = '100% 0px';

export function watchNearChunks(root: HTMLElement, chunks: readonly Element[], onChange: (span: ChunkSpan | null) => void): () => void {
  const indexOf = new Map(chunks.map((element, i) => [element, i]));
  const near = new Set<number>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const i = indexOf.get(entry.target);
        if (i === undefined) continue;
        if (entry.isIntersecting) near.add(i);
        else near.delete(i);
      }
      onChange(near.size === 0 ? null : { first: Math.min(...near), last: Math.max(...near) });
    },
    { root, rootMargin: MARGIN },
  );
  for (const element of chunks) observer.observe(element);
  return () => observer.disconnect();
}
