import { browserTimers, type TimerClock } from '../timer-clock';

export interface LatestValueThrottle<T> {
  /** Delivers `value` now if the last delivery is `minIntervalMs` old, else the latest value when it is; `urgent` delivers now. */
  push(value: T, urgent?: boolean): void;
  /** Drops a value still waiting: nothing is delivered after this. */
  cancel(): void;
}

/**
 * Hands on at most one value per `minIntervalMs`, always the newest: values pushed in between
 * replace each other, and none is held back longer than the interval.
 */
export function createLatestValueThrottle<T>(
  deliver: (value: T) => void,
  minIntervalMs: number,
  clock: TimerClock = browserTimers,
): LatestValueThrottle<T> {
  let lastDeliveredAt = Number.NEGATIVE_INFINITY;
  let waiting: { value: T } | null = null;
  let timer: unknown;

  const deliverWaiting = () => {
    timer = undefined;
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    lastDeliveredAt = clock.now();
    deliver(value);
  };

  const clearTimer = () => {
    if (timer === undefined) return;
    clock.clearTimer(timer);
    timer = undefined;
  };

  return {
    push(value, urgent = false) {
      waiting = { value };
      if (urgent) clearTimer();
      else if (timer !== undefined) return;
      const dueInMs = urgent ? 0 : lastDeliveredAt + minIntervalMs - clock.now();
      if (dueInMs <= 0) deliverWaiting();
      else timer = clock.setTimer(deliverWaiting, dueInMs);
    },
    cancel() {
      clearTimer();
      waiting = null;
    },
  };
}
