// What the version dropdown says of each version: "v3 (Add publishers) ← v1 · validated ✓ · 14:32 · $0.06".
// A native <option> holds text only, so the prompt and the tokens' detail go in its tooltip. Pure.
import { formatCost, formatTokens } from '@/shared/model-prices';
import { usageTokens } from '@/shared/usage-totals';
import { versionLabel, versionStateLabel } from '@/shared/version-rules';
import { clockTime } from '../ui/clock-time';
import { versionUsageLine } from './version-usage';
import type { VersionStatus, VersionSummary } from '@/types/versioning';

type OptionFacts = Pick<
  VersionSummary,
  'versionNumber' | 'title' | 'prompt' | 'baseVersionNumber' | 'status' | 'stopReason' | 'validation' | 'createdAt' | 'usage'
>;

/** Words of the prompt stand in for a title the model has not written yet. */
const PROMPT_SUMMARY_CHARS = 28;

function promptSummary(prompt: string): string {
  const flat = prompt.replace(/\s+/g, ' ').trim();
  if (flat.length <= PROMPT_SUMMARY_CHARS) return flat;
  const cut = flat.slice(0, PROMPT_SUMMARY_CHARS);
  // End on a whole word unless that leaves too little.
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > PROMPT_SUMMARY_CHARS / 2 ? cut.slice(0, lastSpace) : cut}…`;
}

/** `status` may run ahead of the version's own (a live stream): its saved stop reason and checks then do not apply. */
export function versionOptionText(version: OptionFacts, status: VersionStatus, now: Date): string {
  const label = version.versionNumber === 1 || version.title ? versionLabel(version) : `v${version.versionNumber} (${promptSummary(version.prompt)})`;
  const base = version.baseVersionNumber !== null ? ` ← v${version.baseVersionNumber}` : '';
  const state =
    status === version.status ? versionStateLabel(status, version.stopReason, version.validation?.checks ?? []) : versionStateLabel(status, null, []);
  return `${label}${base} · ${state} · ${clockTime(version.createdAt, now)}${shortUsage(version.usage)}`;
}

/** The cost when it is known, else the tokens, else nothing (the offline generator reports none). */
function shortUsage(usage: OptionFacts['usage']): string {
  if (usage?.costUsd !== undefined) return ` · ${formatCost(usage.costUsd)}`;
  const tokens = usageTokens(usage);
  return tokens === null ? '' : ` · ${formatTokens(tokens)}`;
}

/** The option's tooltip: the prompt, then what the version's model calls used. */
export function versionOptionTitle(version: Pick<VersionSummary, 'prompt' | 'usage'>): string {
  const usage = versionUsageLine(version.usage);
  return usage ? `${version.prompt}\n\n${usage.text}\n${usage.title}` : version.prompt;
}
