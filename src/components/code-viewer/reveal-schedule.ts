// The typing animation's clock (100–200 ms per chunk, smooth however bursty the network).
// Text that arrives is revealed linearly from what is shown to the new end, over a time that grows
// with the amount (MS_PER_CHARACTER) but stays within 100–200 ms: a lone chunk types out visibly,
// a burst of ten catches up within 200 ms, and the view never trails the stream by more. Pure.

export const MIN_REVEAL_MS = 100;
export const MAX_REVEAL_MS = 200;
const MS_PER_CHARACTER = 4;

export interface RevealSchedule {
  /** Characters shown when this stretch started. */
  from: number;
  /** Characters shown when it ends: the text's length. */
  to: number;
  startedAt: number;
  durationMs: number;
}

/** A text shown whole at once. */
export function revealedWhole(length: number): RevealSchedule {
  return { from: length, to: length, startedAt: 0, durationMs: 0 };
}

export function revealedLength(schedule: RevealSchedule, now: number): number {
  if (schedule.durationMs <= 0 || now >= schedule.startedAt + schedule.durationMs) return schedule.to;
  const progress = Math.max(0, now - schedule.startedAt) / schedule.durationMs;
  return schedule.from + Math.floor((schedule.to - schedule.from) * progress);
}

export function revealDone(schedule: RevealSchedule, now: number): boolean {
  return revealedLength(schedule, now) >= schedule.to;
}

/** The text is now `length` long: reveal the rest from what is shown at `now`. */
export function retarget(schedule: RevealSchedule, length: number, now: number): RevealSchedule {
  if (length === schedule.to) return schedule;
  const shown = revealedLength(schedule, now);
  // Shorter than what is shown: the file started over, which is shown as it is.
  if (length <= shown) return revealedWhole(length);
  const durationMs = Math.min(MAX_REVEAL_MS, Math.max(MIN_REVEAL_MS, (length - shown) * MS_PER_CHARACTER));
  return { from: shown, to: length, startedAt: now, durationMs };
}
