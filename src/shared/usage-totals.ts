// Tokens and cost of one version, and of a project's versions together, from the usage each version stored
// (ModelUsageSummary). Pure: the workspace sums the list it already has, the CLI the list it fetched.
import type { ModelUsageSummary } from '@/types/versioning';

/** Prompt + completion tokens, what FORGE_MAX_TOKENS_PER_VERSION counts; null when the model reported none. */
export function usageTokens(usage: ModelUsageSummary | null | undefined): number | null {
  if (!usage || (usage.promptTokens === undefined && usage.completionTokens === undefined)) return null;
  return (usage.promptTokens ?? 0) + (usage.completionTokens ?? 0);
}

export interface UsageTotals {
  /** Versions that reported tokens. */
  versionsWithUsage: number;
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
  /** promptTokens + completionTokens. */
  tokens: number;
  /** Sum of the costs that are known. */
  costUsd: number;
  /** Versions that reported tokens but have no cost (their model had no price): costUsd leaves them out. */
  unpricedVersions: number;
}

/** Every version counts, failed and stopped ones too: their model calls were paid for. */
export function sumUsage(usages: ReadonlyArray<ModelUsageSummary | null | undefined>): UsageTotals {
  const totals: UsageTotals = {
    versionsWithUsage: 0,
    promptTokens: 0,
    cachedTokens: 0,
    completionTokens: 0,
    tokens: 0,
    costUsd: 0,
    unpricedVersions: 0,
  };
  for (const usage of usages) {
    const tokens = usageTokens(usage);
    if (!usage || tokens === null) continue;
    totals.versionsWithUsage += 1;
    totals.promptTokens += usage.promptTokens ?? 0;
    totals.cachedTokens += usage.cachedTokens ?? 0;
    totals.completionTokens += usage.completionTokens ?? 0;
    totals.tokens += tokens;
    if (usage.costUsd === undefined) totals.unpricedVersions += 1;
    else totals.costUsd += usage.costUsd;
  }
  // Sums of float dollars drift (0.1 + 0.2); a billionth of a dollar is finer than any price.
  totals.costUsd = Math.round(totals.costUsd * 1e9) / 1e9;
  return totals;
}
