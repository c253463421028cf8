import { describe, expect, it } from 'vitest';
import { MAX_REVEAL_MS, MIN_REVEAL_MS, retarget, revealDone, revealedLength, revealedWhole } from './reveal-schedule';

describe('reveal schedule', () => {
  it('types out one small chunk over the minimum time, linearly', () => {
    const schedule = retarget(revealedWhole(0), 24, 1_000);
    expect(schedule.durationMs).toBe(MIN_REVEAL_MS);
    expect(revealedLength(schedule, 1_000)).toBe(0);
    expect(revealedLength(schedule, 1_050)).toBe(12);
    expect(revealDone(schedule, 1_099)).toBe(false);
    expect(revealedLength(schedule, 1_100)).toBe(24);
    expect(revealDone(schedule, 1_100)).toBe(true);
  });

  it('catches up with a burst within the maximum time, from what is already shown', () => {
    const first = retarget(revealedWhole(0), 100, 0);
    const burst = retarget(first, 2_000, 50);
    expect(burst.from).toBe(revealedLength(first, 50));
    expect(burst.durationMs).toBe(MAX_REVEAL_MS);
    expect(revealedLength(burst, 50 + MAX_REVEAL_MS)).toBe(2_000);
  });

  it('never shows less than before while text grows, and shows a restarted file as it is', () => {
    let schedule = revealedWhole(0);
    let shown = 0;
    for (let now = 0, length = 0; now < 2_000; now += 16) {
      if (now % 96 === 0) schedule = retarget(schedule, (length += 30), now);
      const next = revealedLength(schedule, now);
      expect(next).toBeGreaterThanOrEqual(shown);
      shown = next;
    }
    expect(retarget(schedule, 5, 2_000)).toEqual(revealedWhole(5));
    expect(retarget(schedule, schedule.to, 2_000)).toBe(schedule);
  });
});
