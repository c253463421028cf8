'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { INITIAL_NEAR_BLOCKS, stepTowardNear, withNearChanges } from '@/components/code-viewer/code-block-model';

/** How far (px) above and below the visible part a block still counts as near: a fast scroll finds it drawn. */
const NEAR_MARGIN_PX = 1200;

/**
 * The indexes of the blocks (children of `containerRef`, each with `data-block`) to draw in colour:
 * those within NEAR_MARGIN_PX of the visible part of their `data-code-scroller`, reached one block
 * per animation frame (`stepTowardNear`). An IntersectionObserver works from the layout each frame
 * makes anyway, so scrolling forces no layout reads here.
 */
export function useNearBlocks(containerRef: RefObject<HTMLElement | null>, blockCount: number): ReadonlySet<number> {
  const [drawn, setDrawn] = useState(INITIAL_NEAR_BLOCKS);
  const observerRef = useRef<IntersectionObserver | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || typeof IntersectionObserver === 'undefined') return;
    let near = INITIAL_NEAR_BLOCKS;
    let shown = INITIAL_NEAR_BLOCKS;
    let frame = 0;
    const step = () => {
      frame = 0;
      const next = stepTowardNear(shown, near);
      if (next === shown) return;
      shown = next;
      setDrawn(next);
      frame = requestAnimationFrame(step);
    };
    const observer = new IntersectionObserver(
      (entries) => {
        near = withNearChanges(
          near,
          entries.map((entry) => ({ index: Number((entry.target as HTMLElement).dataset.block), near: entry.isIntersecting })),
        );
        if (frame === 0) frame = requestAnimationFrame(step);
      },
      { root: container.closest('[data-code-scroller]'), rootMargin: `${NEAR_MARGIN_PX}px 0px` },
    );
    observerRef.current = observer;
    return () => {
      cancelAnimationFrame(frame);
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

  return drawn;
}
