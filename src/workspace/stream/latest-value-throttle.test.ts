import { describe, expect, it } from 'vitest';
import { createManualTimers } from '@/test/manual-timers';
import { createLatestValueThrottle } from './latest-value-throttle';
import type { TimerClock } from '../timer-clock';

function manualClock() {
  const timers = createManualTimers();
  const clock: TimerClock = timers;
  return { clock, advance: (until: number) => timers.advanceTo(until), pendingTimers: timers.pending };
}

describe('latest-value throttle', () => {
  it('delivers the first value at once and then the newest one at most once per interval', () => {
    const { clock, advance } = manualClock();
    const delivered: Array<[number, string]> = [];
    const throttle = createLatestValueThrottle<string>((value) => delivered.push([clock.now(), value]), 200, clock);
    throttle.push('a');
    advance(50);
    throttle.push('b');
    advance(120);
    throttle.push('c');
    advance(400);
    expect(delivered).toEqual([
      [0, 'a'],
      [200, 'c'],
    ]);
  });

  it('delivers at once when the last delivery is older than the interval', () => {
    const { clock, advance } = manualClock();
    const delivered: Array<[number, number]> = [];
    const throttle = createLatestValueThrottle<number>((value) => delivered.push([clock.now(), value]), 200, clock);
    throttle.push(1);
    advance(500);
    throttle.push(2);
    expect(delivered).toEqual([
      [0, 1],
      [500, 2],
    ]);
  });

  it('an urgent value goes out at once and replaces the one waiting', () => {
    const { clock, advance, pendingTimers } = manualClock();
    const delivered: string[] = [];
    const throttle = createLatestValueThrottle<string>((value) => delivered.push(value), 200, clock);
    throttle.push('start');
    advance(10);
    throttle.push('middle');
    throttle.push('ended', true);
    expect(delivered).toEqual(['start', 'ended']);
    expect(pendingTimers()).toBe(0);
    advance(500);
    expect(delivered).toEqual(['start', 'ended']);
  });

  it('delivers nothing after cancel', () => {
    const { clock, advance, pendingTimers } = manualClock();
    const delivered: string[] = [];
    const throttle = createLatestValueThrottle<string>((value) => delivered.push(value), 200, clock);
    throttle.push('a');
    throttle.push('b');
    throttle.cancel();
    advance(500);
    expect(delivered).toEqual(['a']);
    expect(pendingTimers()).toBe(0);
  });
});
