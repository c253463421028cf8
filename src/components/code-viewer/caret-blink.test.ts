import { describe, expect, it } from 'vitest';
import { createManualTimers } from '@/test/manual-timers';
import { startCaretBlink } from './caret-blink';

/** A blink of 500 ms half periods on hand-driven timers, with every visibility change it made and when. */
function blinkOnManualTimers() {
  const timers = createManualTimers();
  const changes: Array<[number, boolean]> = [];
  const stop = startCaretBlink((visible) => changes.push([timers.now(), visible]), 500, timers);
  return { timers, changes, stop };
}

describe('caret blink', () => {
  it('hides and shows the caret every half period, starting visible', () => {
    const { timers, changes } = blinkOnManualTimers();
    timers.advanceTo(499);
    expect(changes).toEqual([]);
    timers.advanceTo(1600);
    expect(changes).toEqual([
      [500, false],
      [1000, true],
      [1500, false],
    ]);
  });

  it('leaves the caret visible and no timer behind when stopped while hidden', () => {
    const { timers, changes, stop } = blinkOnManualTimers();
    timers.advanceTo(700);
    stop();
    expect(changes).toEqual([
      [500, false],
      [700, true],
    ]);
    expect(timers.pending()).toBe(0);
  });

  it('says nothing when stopped while visible, then or later', () => {
    const { timers, changes, stop } = blinkOnManualTimers();
    timers.advanceTo(200);
    stop();
    timers.advanceTo(2000);
    expect(changes).toEqual([]);
    expect(timers.pending()).toBe(0);
  });
});
