'use client';

import { useEffect } from 'react';
import { warmUpTokenizer } from '@/components/code-viewer/chunked-tokens';

/** Once per page load: a grammar stays compiled after its first use, so later mounts skip it. */
let warmedUp = false;

/**
 * Warms the highlighter up in an idle moment after mount (warmUpTokenizer says why): the code
 * viewer mounts while the page waits for the model's first code.
 */
export function useTokenizerWarmUp(): void {
  useEffect(() => {
    if (warmedUp) return;
    const warmUp = () => {
      warmedUp = true;
      warmUpTokenizer();
    };
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(warmUp, 500);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(warmUp, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, []);
}
