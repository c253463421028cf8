import { browserTimers, type TimerClock } from '@/workspace/timer-clock';

/** An editor's blink: half a second on, half a second off. */
export const CARET_BLINK_HALF_PERIOD_MS = 500;

/**
 * Blinks a caret by timer: `setVisible(false)` after the first half period, then alternating.
 * Returns a function that stops the blink and leaves the caret visible. A CSS keyframe blink would
 * cost the page a main-thread frame at every vsync, for a caret that changes twice a second.
 */
export function startCaretBlink(
  setVisible: (visible: boolean) => void,
  halfPeriodMs = CARET_BLINK_HALF_PERIOD_MS,
  clock: Pick<TimerClock, 'setTimer' | 'clearTimer'> = browserTimers,
): () => void {
  let visible = true;
  let timer: unknown;
  const flip = () => {
    visible = !visible;
    setVisible(visible);
    timer = clock.setTimer(flip, halfPeriodMs);
  };
  timer = clock.setTimer(flip, halfPeriodMs);
  return () => {
    clock.clearTimer(timer);
    if (!visible) setVisible(true);
  };
}
