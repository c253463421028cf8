// `forge versions`: one row per version, with the id the other commands take.
import type { VersionSummary } from '@/types/versioning';
import { renderTable, truncate } from './table';

const TITLE_WIDTH = 40;

/** `2026-01-02 03:04` in the machine's time zone: what a person compares with their clock. */
export function formatLocalTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function describeStatus(version: Pick<VersionSummary, 'status' | 'stopReason'>): string {
  return version.status === 'failed' && version.stopReason ? `failed (${version.stopReason})` : version.status;
}

type VersionRowInput = Pick<VersionSummary, 'id' | 'versionNumber' | 'status' | 'stopReason' | 'title' | 'prompt' | 'baseVersionNumber' | 'createdAt'>;

export function renderVersionTable(versions: VersionRowInput[]): string {
  if (versions.length === 0) return 'No versions yet.\n';
  const rows = versions.map((version) => [
    `v${version.versionNumber}`,
    describeStatus(version),
    // A version gets its title once generated; until then the prompt says what it is.
    truncate((version.title ?? version.prompt).replace(/\s+/g, ' '), TITLE_WIDTH),
    version.baseVersionNumber === null ? '-' : `v${version.baseVersionNumber}`,
    formatLocalTime(version.createdAt),
    version.id,
  ]);
  return renderTable(['VERSION', 'STATUS', 'TITLE', 'BASE', 'CREATED', 'ID'], rows);
}
