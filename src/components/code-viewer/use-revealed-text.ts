'use client';

import { useReducedMotion } from 'motion/react';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { retarget, revealDone, revealedLength, revealedWhole } from '@/components/code-viewer/reveal-schedule';
import { startPacedFrameLoop } from './paced-frame-loop';

/**
 * Reveals at most this often (about 30 times a second): typing still looks fluid, and each update
 * re-renders, lays out and paints the code, so halving them leaves a loaded machine room to breathe.
 */
const MIN_UPDATE_INTERVAL_MS = 32;

/** How long before the next update to ask for its animation frame (paced-frame-loop.ts says why). */
const FRAME_LEAD_MS = 12;

/**
 * The part of `text` to show while it is being typed: received text is revealed at a steady pace
 * (reveal-schedule sets it). With `animate` off, or when the person prefers reduced motion, the
 * whole text shows at once; `typing` says which, and `revealing` says received text is still being
 * typed out (the caret holds still then, as an editor's does while someone types). `hidden` counts
 * the received characters not shown yet, for text that types somewhere other than at its end (edit-reveal.ts).
 */
export function useRevealedText(text: string, animate: boolean): { shown: string; hidden: number; typing: boolean; revealing: boolean } {
  const reducedMotion = useReducedMotion();
  const typing = animate && !reducedMotion;
  const [shownLength, setShownLength] = useState(text.length);
  const scheduleRef = useRef(revealedWhole(text.length));
  const length = text.length;

  useEffect(() => {
    if (!typing) {
      scheduleRef.current = revealedWhole(length);
      // Typing may start again on this text later; it then starts from all of it.
      const frame = requestAnimationFrame(() => setShownLength(length));
      return () => cancelAnimationFrame(frame);
    }
    scheduleRef.current = retarget(scheduleRef.current, length, performance.now());
    return startPacedFrameLoop(
      (now) => {
        // Rendered inside this frame: a plain state update would render in a task of its own after
        // it, and the new text would need a second frame to reach the screen.
        flushSync(() => setShownLength(revealedLength(scheduleRef.current, now)));
        return !revealDone(scheduleRef.current, now);
      },
      MIN_UPDATE_INTERVAL_MS,
      FRAME_LEAD_MS,
    );
  }, [length, typing]);

  const hidden = typing ? Math.max(0, length - shownLength) : 0;
  return { shown: hidden > 0 ? text.slice(0, shownLength) : text, hidden, typing, revealing: hidden > 0 };
}
