// `forge versions`: one row per version, with the id the other commands take, what each version's model calls
// used, and the project's total (failed versions included: they were paid for).
import { formatCost, formatTokenCount, formatTokens } from '@/shared/model-prices';
import { sumUsage, usageTokens } from '@/shared/usage-totals';
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

type VersionRowInput = Pick<
  VersionSummary,
  'id' | 'versionNumber' | 'status' | 'stopReason' | 'title' | 'prompt' | 'baseVersionNumber' | 'createdAt' | 'usage'
>;

/** "Total: 48.2k tokens (8k cached), $0.41 over 3 versions", or null when no version reported tokens. */
export function describeUsageTotal(versions: ReadonlyArray<Pick<VersionSummary, 'usage'>>): string | null {
  const totals = sumUsage(versions.map((version) => version.usage));
  if (totals.versionsWithUsage === 0) return null;
  const cached = totals.cachedTokens > 0 ? ` (${formatTokenCount(totals.cachedTokens)} cached)` : '';
  const priced = totals.versionsWithUsage > totals.unpricedVersions ? `, ${formatCost(totals.costUsd)}` : '';
  const over = `${totals.versionsWithUsage} version${totals.versionsWithUsage === 1 ? '' : 's'}`;
  const unpriced = totals.unpricedVersions > 0 ? `; ${totals.unpricedVersions} without a price, not in the cost` : '';
  return `Total: ${formatTokens(totals.tokens)}${cached}${priced} over ${over}${unpriced}`;
}

export function renderVersionTable(versions: VersionRowInput[]): string {
  if (versions.length === 0) return 'No versions yet.\n';
  const rows = versions.map((version) => {
    const tokens = usageTokens(version.usage);
    const cost = version.usage?.costUsd;
    return [
      `v${version.versionNumber}`,
      describeStatus(version),
      // A version gets its title once generated; until then the prompt says what it is.
      truncate((version.title ?? version.prompt).replace(/\s+/g, ' '), TITLE_WIDTH),
      version.baseVersionNumber === null ? '-' : `v${version.baseVersionNumber}`,
      // "-": the model reported no tokens (the offline generator) or has no price.
      tokens === null ? '-' : formatTokenCount(tokens),
      cost === undefined ? '-' : formatCost(cost),
      formatLocalTime(version.createdAt),
      version.id,
    ];
  });
  const total = describeUsageTotal(versions);
  return renderTable(['VERSION', 'STATUS', 'TITLE', 'BASE', 'TOKENS', 'COST', 'CREATED', 'ID'], rows) + (total ? `${total}\n` : '');
}
