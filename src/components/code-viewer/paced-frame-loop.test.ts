import { describe, expect, it } from 'vitest';
import { createManualTimers } from '@/test/manual-timers';
import { startPacedFrameLoop, type FrameClock } from './paced-frame-loop';

/** A clock driven by hand: frames run at each 16 ms vsync, only when one was requested. */
function manualClock() {
  const timers = createManualTimers();
  let nextFrame = 1;
  const frames = new Map<number, (now: number) => void>();
  let framesRequested = 0;
  const clock: FrameClock = {
    requestFrame: (callback) => {
      framesRequested += 1;
      frames.set(nextFrame, callback);
      return nextFrame++;
    },
    cancelFrame: (handle) => void frames.delete(handle),
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  };
  /** Advances to `until`, firing due timers and, at each vsync, the frames requested by then. */
  const advance = (until: number) => {
    while (timers.now() < until) {
      const now = timers.tick();
      if (now % 16 !== 0) continue;
      const due = [...frames.values()];
      frames.clear();
      for (const callback of due) callback(now);
    }
  };
  return { clock, advance, framesRequested: () => framesRequested, pending: () => frames.size + timers.pending() };
}

describe('paced frame loop', () => {
  it('steps about every interval and requests no frame in between', () => {
    const { clock, advance, framesRequested } = manualClock();
    const steps: number[] = [];
    startPacedFrameLoop((now) => (steps.push(now), true), 32, 12, clock);
    advance(500);
    // A step every other vsync: 16, 48, 80, ... (the 20 ms timer lands before the second vsync).
    expect(steps.slice(0, 4)).toEqual([16, 48, 80, 112]);
    expect(steps).toHaveLength(16);
    expect(framesRequested()).toBe(steps.length);
  });

  it('ends when the step says it is done, leaving nothing scheduled', () => {
    const { clock, advance, pending } = manualClock();
    let count = 0;
    startPacedFrameLoop(() => ++count < 3, 32, 12, clock);
    advance(1_000);
    expect(count).toBe(3);
    expect(pending()).toBe(0);
  });

  it('stops at once when cancelled, whether waiting on the timer or on the frame', () => {
    for (const stopAt of [20, 40]) {
      const { clock, advance, pending } = manualClock();
      let count = 0;
      const stop = startPacedFrameLoop(() => (count += 1) > 0, 32, 12, clock);
      advance(stopAt);
      stop();
      advance(500);
      expect(count).toBe(1);
      expect(pending()).toBe(0);
    }
  });
});
