import { describe, expect, it } from 'vitest';
import { createManualTimers } from '@/test/manual-timers';
import { startCaretBlink } from './caret-blink';

function run(until: number, timers: ReturnType<typeof createManualTimers>) {
  while (timers.now() < until) timers.tick();
}

describe('caret blink', () => {
  it('hides and shows the caret every half period, starting visible', () => {
    const timers = createManualTimers();
    const changes: Array<[number, boolean]> = [];
    startCaretBlink((visible) => changes.push([timers.now(), visible]), 500, timers);
    run(499, timers);
    expect(changes).toEqual([]);
    run(1600, timers);
    expect(changes).toEqual([
      [500, false],
      [1000, true],
      [1500, false],
    ]);
  });

  it('leaves the caret visible and no timer behind when stopped while hidden', () => {
    const timers = createManualTimers();
    const changes: boolean[] = [];
    const stop = startCaretBlink((visible) => changes.push(visible), 500, timers);
    run(700, timers);
    stop();
    expect(changes).toEqual([false, true]);
    expect(timers.pending()).toBe(0);
  });

  it('says nothing when stopped while visible', () => {
    const timers = createManualTimers();
    const changes: boolean[] = [];
    const stop = startCaretBlink((visible) => changes.push(visible), 500, timers);
    run(200, timers);
    stop();
    run(2000, timers);
    expect(changes).toEqual([]);
    expect(timers.pending()).toBe(0);
  });
});
