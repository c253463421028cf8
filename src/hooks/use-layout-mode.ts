'use client';

import { useSyncExternalStore } from 'react';
import { DESKTOP_MIN_WIDTH_PX, layoutModeForWidth, TABLET_MIN_WIDTH_PX, type LayoutMode } from '@/workspace/layout-mode';

const QUERIES = [`(min-width: ${TABLET_MIN_WIDTH_PX}px)`, `(min-width: ${DESKTOP_MIN_WIDTH_PX}px)`];

function subscribe(onChange: () => void): () => void {
  // Only crossing a breakpoint changes the mode, so listen there rather than to every resize.
  const lists = QUERIES.map((query) => window.matchMedia(query));
  for (const list of lists) list.addEventListener('change', onChange);
  return () => {
    for (const list of lists) list.removeEventListener('change', onChange);
  };
}

/**
 * Which of the three workspace layouts (mobile, tablet, desktop) the window is in. The server renders the desktop one; the classes
 * carry the same breakpoints, so the first paint already has the right structure.
 */
export function useLayoutMode(): LayoutMode {
  return useSyncExternalStore(
    subscribe,
    () => layoutModeForWidth(window.innerWidth),
    () => 'desktop',
  );
}
