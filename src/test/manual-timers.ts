/** Timers run by hand for tests of code that takes a clock: time moves only when `tick` is called. */
export function createManualTimers() {
  let now = 0;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimer(callback: () => void, delayMs: number): number {
      timers.set(nextHandle, { at: now + delayMs, callback });
      return nextHandle++;
    },
    clearTimer(handle: unknown) {
      timers.delete(handle as number);
    },
    pending: () => timers.size,
    /** Moves one millisecond on and fires the timers due by then; returns the new time. */
    tick(): number {
      now += 1;
      for (const [handle, timer] of [...timers]) {
        if (timer.at > now) continue;
        timers.delete(handle);
        timer.callback();
      }
      return now;
    },
    /** Ticks until the time is `until`, firing every timer due on the way. */
    advanceTo(until: number): void {
      while (now < until) this.tick();
    },
  };
}
