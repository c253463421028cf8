// How much of a slow frame the page's main thread spent working. On a machine where Chromium, the
// server and the bench share two cores, a frame can run long because the thread was waiting for a
// core, or idle until the compositor asked for the next frame, not because the page had that much to
// do; a 'toplevel' Chromium trace tells these apart, since every task it records carries its wall
// time (dur) and its thread's CPU time (tdur), and time outside tasks is idle.

import { FRAME_WINDOW_MARK } from '../frame-recorder';

/** Trace categories the bench records: tasks with their wall and CPU time, and the window's mark. Cheap. */
export const MAIN_THREAD_TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

interface Interval {
  /** Milliseconds after the window opened (the frame recorder's startTime). */
  start: number;
  durationMs: number;
}

/** Where an interval's time went on the page's main thread. */
export interface MainThreadTime {
  /** Wall time spent in tasks: the rest of the interval the thread was idle, e.g. waiting for the compositor's next frame. */
  taskMs: number;
  /** CPU time of those tasks: less than taskMs when the thread waited for a core. */
  cpuMs: number;
}

/**
 * The main thread's task time and CPU time in each interval, in ms, or null for all when the trace
 * has no window mark. A task that straddles an interval's edge counts by the share of its wall time inside it.
 */
export function mainThreadTime(traceJson: string | Buffer, intervals: readonly Interval[]): Array<MainThreadTime | null> {
  const parsed = JSON.parse(traceJson.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mark = events.find((event) => event.name === FRAME_WINDOW_MARK);
  if (!mark) return intervals.map(() => null);
  // The mark is set on the page's main thread, which is how that thread is found.
  const tasks = events
    .filter((event) => event.pid === mark.pid && event.tid === mark.tid && event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask')
    .sort((a, b) => a.ts - b.ts);
  // A nested run loop records tasks inside a task; count the outer one only.
  const outermost: TraceEvent[] = [];
  for (const task of tasks) {
    const last = outermost.at(-1);
    if (!last || task.ts >= last.ts + (last.dur ?? 0)) outermost.push(task);
  }
  return intervals.map(({ start, durationMs }) => {
    const from = mark.ts + start * 1000;
    const to = from + durationMs * 1000;
    let taskMicros = 0;
    let cpuMicros = 0;
    for (const task of outermost) {
      const wall = task.dur ?? 0;
      if (wall <= 0 || task.ts >= to || task.ts + wall <= from) continue;
      const inside = Math.min(to, task.ts + wall) - Math.max(from, task.ts);
      taskMicros += inside;
      cpuMicros += (task.tdur ?? wall) * (inside / wall);
    }
    return { taskMs: Math.round(taskMicros / 1000), cpuMs: Math.round(cpuMicros / 1000) };
  });
}
