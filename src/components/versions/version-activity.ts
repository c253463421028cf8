// The activity lines above a version's card ("Read src/index.ts", "Thought for 4s"), from its
// stream when it was followed in this visit, else from what the version list remembers (the run
// saves what it read and planned on the version), and last what its model calls used. Pure.
import type { GenerationStreamState } from '@/workspace/stream/generation-stream-state';
import type { VersionSummary } from '@/types/versioning';
import { versionUsageLine } from './version-usage';

export type ActivityKind = 'read' | 'plan' | 'think' | 'write' | 'validate' | 'usage';

export interface ActivityItem {
  kind: ActivityKind;
  text: string;
  /** More than the line says, for its tooltip. */
  title?: string;
}

/** "0.4s", "3.2s", "12s", "1m 05s". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
}

function between(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Date.parse(to) - Date.parse(from);
}

const MIN_THINKING_MS = 100;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

type VersionFacts = Pick<VersionSummary, 'changes' | 'validation' | 'usage' | 'activity'>;

function writeLine(version: VersionFacts, live: GenerationStreamState | null): string | null {
  if (live && Object.keys(live.files).length > 0) {
    const done = Object.values(live.files).filter((file) => file.operation !== null);
    const written = done.filter((file) => file.operation !== 'deleted').length;
    const deleted = done.length - written;
    const parts = [written > 0 ? `Wrote ${plural(written, 'file')}` : null, deleted > 0 ? `deleted ${deleted}` : null].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  if (version.changes.length === 0) return null;
  const deleted = version.changes.filter((change) => change.operation === 'deleted').length;
  const written = version.changes.length - deleted;
  return [written > 0 ? `Wrote ${plural(written, 'file')}` : null, deleted > 0 ? `deleted ${deleted}` : null].filter(Boolean).join(', ');
}

function validateLine(version: VersionFacts, live: GenerationStreamState | null): string | null {
  const report = version.validation;
  const checks = live && live.validation.length > 0 ? live.validation : (report?.checks ?? []);
  if (checks.length === 0) return null;
  if (checks.every((check) => check.skipped)) return 'Validation skipped';
  if (live?.validating && !live.ended) return null;
  const durationMs = report?.durationMs ?? (live ? between(live.timing.validationStartedAt, live.timing.validationEndedAt) : null);
  // A saved check that fails does not fail the version (docs/architecture.md, "API checks"): it is named apart.
  const failed = checks.some((check) => !check.ok && check.kind !== 'saved');
  const savedFailed = checks.filter((check) => !check.ok && check.kind === 'saved').length;
  const took = durationMs !== null ? ` in ${formatDuration(durationMs)}` : '';
  if (failed) return `Checks failed${took}`;
  return savedFailed > 0 ? `Validated${took}; ${savedFailed === 1 ? '1 saved check fails' : `${savedFailed} saved checks fail`}` : `Validated${took}`;
}

export function versionActivity(version: VersionFacts, live: GenerationStreamState | null): ActivityItem[] {
  const items: ActivityItem[] = [];
  const readNotes = live?.notes.length ? live.notes : version.activity?.readNote ? [version.activity.readNote] : [];
  for (const note of readNotes) items.push({ kind: 'read', text: note });
  const plannedCount = live?.plannedFiles.length || version.activity?.plannedFileCount || 0;
  if (plannedCount > 0) items.push({ kind: 'plan', text: `Planned ${plural(plannedCount, 'file')}` });
  // The stream's clock when it was followed; else the model's own time to its first token, if it said.
  const thoughtMs = (live ? between(live.timing.startedAt, live.timing.firstFileAt) : null) ?? version.usage?.ttftMs ?? null;
  // Under a tenth of a second there was no thinking to speak of (the offline generator plans instantly).
  if (thoughtMs !== null && thoughtMs >= MIN_THINKING_MS) items.push({ kind: 'think', text: `Thought for ${formatDuration(thoughtMs)}` });
  const written = writeLine(version, live);
  if (written) items.push({ kind: 'write', text: written });
  const validated = validateLine(version, live);
  if (validated) items.push({ kind: 'validate', text: validated });
  // Stored when the run ends, so a followed run shows it once the list is fetched again.
  const usage = versionUsageLine(version.usage);
  if (usage) items.push({ kind: 'usage', text: usage.text, title: usage.title });
  return items;
}
