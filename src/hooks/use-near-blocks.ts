'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { INITIAL_NEAR_BLOCKS, withNearChanges } from '@/components/code-block-model';

/** How far (px) above and below the visible part a block still counts as near: a fast scroll finds it drawn. */
const NEAR_MARGIN_PX = 1200;

/**
 * The indexes of the blocks (children of `containerRef`, each with `data-block`) that are within
 * NEAR_MARGIN_PX of the visible part of their `data-code-scroller`. An IntersectionObserver works
 * from the layout each frame makes anyway, so scrolling forces no layout reads here.
 */
export function useNearBlocks(containerRef: RefObject<HTMLElement | null>, blockCount: number): ReadonlySet<number> {
  const [near, setNear] = useState(INITIAL_NEAR_BLOCKS);
  const observerRef = useRef<IntersectionObserver | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) =>
        setNear((previous) =>
          withNearChanges(
            previous,
            entries.map((entry) => ({ index: Number((entry.target as HTMLElement).dataset.block), near: entry.isIntersecting })),
          ),
        ),
      { root: container.closest('[data-code-scroller]'), rootMargin: `${NEAR_MARGIN_PX}px 0px` },
    );
    observerRef.current = observer;
    return () => {
      observer.disconnect();
      observerRef.current = null;
    };
  }, [containerRef]);

  // New blocks appear as the file grows; observing a block twice is a no-op.
  useEffect(() => {
    const container = containerRef.current;
    const observer = observerRef.current;
    if (!container || !observer) return;
    for (const block of container.children) observer.observe(block);
  }, [containerRef, blockCount]);

  return near;
}
