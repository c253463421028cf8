'use client';

import { useReducedMotion } from 'motion/react';
import { useEffect, useRef, useState } from 'react';
import { retarget, revealDone, revealedLength, revealedWhole } from '@/components/reveal-schedule';

/**
 * Reveals at most this often (about 30 times a second): typing still looks fluid, and each update
 * re-renders, lays out and paints the code, so halving them leaves a loaded machine room to breathe.
 */
const MIN_UPDATE_INTERVAL_MS = 32;

/**
 * The part of `text` to show while it is being typed: received text is revealed frame by frame
 * (reveal-schedule sets the pace). With `animate` off, or when the person prefers reduced motion,
 * the whole text shows at once; `typing` says which.
 */
export function useRevealedText(text: string, animate: boolean): { shown: string; typing: boolean } {
  const reducedMotion = useReducedMotion();
  const typing = animate && !reducedMotion;
  const [shownLength, setShownLength] = useState(text.length);
  const scheduleRef = useRef(revealedWhole(text.length));
  const length = text.length;

  useEffect(() => {
    let frame = 0;
    if (!typing) {
      scheduleRef.current = revealedWhole(length);
      // Typing may start again on this text later; it then starts from all of it.
      frame = requestAnimationFrame(() => setShownLength(length));
      return () => cancelAnimationFrame(frame);
    }
    scheduleRef.current = retarget(scheduleRef.current, length, performance.now());
    let lastUpdate = 0;
    const tick = (now: number) => {
      const done = revealDone(scheduleRef.current, now);
      if (done || now - lastUpdate >= MIN_UPDATE_INTERVAL_MS) {
        lastUpdate = now;
        setShownLength(revealedLength(scheduleRef.current, now));
      }
      if (!done) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [length, typing]);

  return { shown: typing ? text.slice(0, shownLength) : text, typing };
}
