// What the workspace says about tokens and cost: "5.8k tokens · $0.06" for a version, the same for a project,
// with the detail (cached share, calls, what has no price) in a tooltip. Only what the model reported is shown:
// the offline generator reports no tokens, so its versions say nothing. Pure.
import { formatCost, formatTokenCount, formatTokens } from '@/shared/model-prices';
import { sumUsage, usageTokens } from '@/shared/usage-totals';
import type { ModelUsageSummary, VersionSummary } from '@/types/versioning';

export interface UsageLine {
  /** "5.8k tokens · $0.06". */
  text: string;
  /** The detail, one fact a line, for a title attribute. */
  title: string;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "Of 12k prompt tokens, 8k cached (67%)" or "12k prompt tokens". */
function promptDetail(promptTokens: number, cachedTokens: number): string {
  if (cachedTokens <= 0 || promptTokens <= 0) return `${formatTokenCount(promptTokens)} prompt tokens`;
  const share = Math.round((cachedTokens / promptTokens) * 100);
  return `Of ${formatTokenCount(promptTokens)} prompt tokens, ${formatTokenCount(cachedTokens)} cached (${share}%)`;
}

/** One version's tokens and cost; null when its model reported no tokens. */
export function versionUsageLine(usage: ModelUsageSummary | null): UsageLine | null {
  const tokens = usageTokens(usage);
  if (!usage || tokens === null) return null;
  const calls = usage.calls ?? 0;
  const continuations = usage.continuations ?? 0;
  const parts = [formatTokens(tokens)];
  if (usage.costUsd !== undefined) parts.push(formatCost(usage.costUsd));
  if (calls > 1) parts.push(plural(calls, 'call'));
  const title = [
    promptDetail(usage.promptTokens ?? 0, usage.cachedTokens ?? 0),
    `${formatTokenCount(usage.completionTokens ?? 0)} completion tokens`,
    calls > 1 || continuations > 0
      ? [calls > 0 ? plural(calls, 'model call') : null, continuations > 0 ? `${plural(continuations, 'continuation')} after a cut-off answer` : null]
          .filter(Boolean)
          .join(', ')
      : null,
    usage.costUsd !== undefined ? 'Cost estimated from the price table when the version was made' : 'No cost: the model has no price',
  ];
  return { text: parts.join(' · '), title: title.filter(Boolean).join('\n') };
}

/**
 * All of a project's versions together, failed ones included (they were paid for); null while none reported
 * tokens. A version whose model had no price adds its tokens but no cost, and the tooltip says how many.
 */
export function projectUsageLine(versions: ReadonlyArray<Pick<VersionSummary, 'usage'>>): UsageLine | null {
  const totals = sumUsage(versions.map((version) => version.usage));
  if (totals.versionsWithUsage === 0) return null;
  const priced = totals.versionsWithUsage - totals.unpricedVersions;
  const text = priced > 0 ? `${formatTokens(totals.tokens)} · ${formatCost(totals.costUsd)}` : formatTokens(totals.tokens);
  const title = [
    `Project total over ${plural(totals.versionsWithUsage, 'version')} that called the model, failed ones included`,
    promptDetail(totals.promptTokens, totals.cachedTokens),
    `${formatTokenCount(totals.completionTokens)} completion tokens`,
    totals.unpricedVersions > 0 ? `${plural(totals.unpricedVersions, 'version')} with an unpriced model, left out of the cost` : null,
  ];
  return { text, title: title.filter(Boolean).join('\n') };
}
