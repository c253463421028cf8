// Wording shared by the checks' details, so every check says times and exits the same way.
import type { ExitInfo } from './process-tree';

/** 1500 → "1.5 s", 20000 → "20 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

export function describeExit(exit: ExitInfo): string {
  if (exit.spawnError) return `could not be run (${exit.spawnError})`;
  if (exit.signal) return `was killed by ${exit.signal}`;
  return `exited with code ${exit.code}`;
}

/** A headline, then the log that explains it (when there is one). */
export function withLog(headline: string, log: string): string {
  const trimmed = log.trimEnd();
  return trimmed ? `${headline}\n${trimmed}` : headline;
}

/**
 * The end of a log, at most `maxChars`, starting at a whole line when it had to be cut: half a line
 * reads badly, and half a secret would slip past the mask that looks for whole values.
 */
export function logEnd(log: string, maxChars: number): string {
  if (log.length <= maxChars) return log;
  const cut = log.slice(-maxChars);
  const lineEnd = cut.indexOf('\n');
  return lineEnd !== -1 && lineEnd < cut.length - 1 ? cut.slice(lineEnd + 1) : cut;
}
