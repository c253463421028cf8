import { browserTimers, type TimerClock } from '@/workspace/timer-clock';

/** The browser's frame and timer functions; tests pass their own. */
export interface FrameClock extends Pick<TimerClock, 'setTimer' | 'clearTimer'> {
  requestFrame(callback: (now: number) => void): number;
  cancelFrame(handle: number): void;
}

const browserClock: FrameClock = {
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  setTimer: browserTimers.setTimer,
  clearTimer: browserTimers.clearTimer,
};

/**
 * Runs `step` in an animation frame about every `intervalMs` until it returns false; returns a
 * function that stops the loop. Between steps it waits on a timer and asks for a frame only
 * `leadMs` before the next step is due: a loop that requested every frame and skipped the early
 * ones would make the browser run a whole main-thread frame at every vsync just to check the clock.
 */
export function startPacedFrameLoop(
  step: (now: number) => boolean,
  intervalMs: number,
  leadMs: number,
  clock: FrameClock = browserClock,
): () => void {
  let frame: number | undefined;
  let timer: unknown;
  let stopped = false;
  const onFrame = (now: number) => {
    frame = undefined;
    if (stopped || !step(now)) return;
    timer = clock.setTimer(() => {
      timer = undefined;
      if (!stopped) frame = clock.requestFrame(onFrame);
    }, Math.max(0, intervalMs - leadMs));
  };
  frame = clock.requestFrame(onFrame);
  return () => {
    stopped = true;
    if (frame !== undefined) clock.cancelFrame(frame);
    if (timer !== undefined) clock.clearTimer(timer);
  };
}
