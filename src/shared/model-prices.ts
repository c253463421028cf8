// What a version's model calls cost, estimated from the tokens the model reported and a price table
// (docs/architecture.md, "Backends": FORGE_MODEL_PRICES). Pure: the server stores the estimate on the version
// (ModelUsageSummary.costUsd); the browser and the CLI only format what was stored.
import type { ModelUsageSummary } from '@/types/versioning';

/** US dollars per million tokens. */
export interface ModelPrice {
  /** Prompt tokens the provider did not serve from its cache. */
  input: number;
  /** Prompt tokens served from the provider's prompt cache. */
  cachedInput: number;
  output: number;
}

/** Model name (lower case, no snapshot date) → its price. */
export type ModelPriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * OpenAI's list prices for the two models API Forge is tuned for, as its API pricing page
 * (platform.openai.com/docs/pricing) gave them in 2025. Prices change: FORGE_MODEL_PRICES in the environment
 * overrides these and adds other models (src/env.ts, `modelPrices`). A model with no price gets no cost, never a guess.
 */
export const DEFAULT_MODEL_PRICES: ModelPriceTable = {
  'gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10 },
  'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
};

/** The year the defaults above were read from OpenAI's pricing page. */
export const DEFAULT_MODEL_PRICES_AS_OF = '2025';

/** "gpt-4o (parallel files)": the name the parallel-files adapter stores (src/generation/models). */
const ADAPTER_SUFFIX = /\s*\([^()]*\)\s*$/;
/** A snapshot's date: gpt-4o-2024-08-06, gpt-4-0613. */
const SNAPSHOT_DATE = /^-(\d{4}-\d{2}-\d{2}|\d{4})$/;

/**
 * The price of `modelName`: its exact entry, else the entry it is a dated snapshot of (gpt-4o-2024-08-06 →
 * gpt-4o). Only a date may follow the entry's name, so gpt-4o-mini-2024-07-18 is gpt-4o-mini and a different
 * model that merely starts like a priced one (gpt-4o-audio-preview) gets no price rather than gpt-4o's.
 * Of several entries that fit, the longest wins (of equal ones the later, so an override beats a default).
 * Case does not matter.
 */
export function findModelPrice(modelName: string | null | undefined, table: ModelPriceTable): ModelPrice | undefined {
  if (!modelName) return undefined;
  const name = modelName.replace(ADAPTER_SUFFIX, '').trim().toLowerCase();
  let best: { key: string; price: ModelPrice } | undefined;
  for (const [key, price] of Object.entries(table)) {
    const entry = key.trim().toLowerCase();
    const fits = name === entry || (name.startsWith(entry) && SNAPSHOT_DATE.test(name.slice(entry.length)));
    if (fits && (!best || entry.length >= best.key.length)) best = { key: entry, price };
  }
  return best?.price;
}

const PER_MILLION = 1_000_000;

/** A token count as reported, with anything that is not a non-negative number read as none. */
function count(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Estimated USD for the tokens in `usage`: uncached prompt tokens at the input price, cached ones at the
 * cached price, completion tokens at the output price. Undefined when the model has no price or nothing
 * was reported (the offline generator reports no tokens).
 */
export function estimateCostUsd(
  modelName: string | null | undefined,
  usage: ModelUsageSummary | null | undefined,
  table: ModelPriceTable,
): number | undefined {
  const price = findModelPrice(modelName, table);
  if (!price || !usage || (usage.promptTokens === undefined && usage.completionTokens === undefined)) return undefined;
  const prompt = count(usage.promptTokens);
  const cached = Math.min(count(usage.cachedTokens), prompt);
  const completion = count(usage.completionTokens);
  const dollars = ((prompt - cached) * price.input + cached * price.cachedInput + completion * price.output) / PER_MILLION;
  // Rounded to a billionth of a dollar so sums stored in jsonb do not carry float noise (0.060000000000000005).
  return Math.round(dollars * 1e9) / 1e9;
}

/** "950", "5.8k", "12k", "123k", "1.2M": one decimal below a hundred of a unit, none from there on. */
export function formatTokenCount(tokens: number): string {
  const value = Math.max(0, Math.round(tokens));
  if (value < 1000) return String(value);
  const units: Array<[number, string]> = [
    [1_000_000_000, 'B'],
    [1_000_000, 'M'],
    [1_000, 'k'],
  ];
  for (const [index, [size, suffix]] of units.entries()) {
    if (value < size) continue;
    const scaled = value / size;
    const shown = scaled < 100 ? Math.round(scaled * 10) / 10 : Math.round(scaled);
    // 999,960 rounds to "1000k": say "1M" instead.
    if (shown >= 1000 && index > 0) return `${shown / 1000}${units[index - 1]![1]}`;
    return `${shown}${suffix}`;
  }
  return String(value);
}

/** "1 token", "950 tokens", "12.3k tokens". */
export function formatTokens(tokens: number): string {
  const shown = formatTokenCount(tokens);
  return `${shown} ${shown === '1' ? 'token' : 'tokens'}`;
}

const CENTS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "$0.06", "$1,234.50"; under a cent four decimals ("$0.0123"), and "<$0.0001" for less than that but more than nothing. */
export function formatCost(usd: number): string {
  if (!Number.isFinite(usd) || usd <= 0) return '$0.00';
  if (usd < 0.0001) return '<$0.0001';
  // Rounded first: 0.00999 would print as $0.0100 with four decimals, though it is under a cent.
  if (Math.round(usd * 10_000) < 100) return `$${usd.toFixed(4)}`;
  return CENTS.format(usd);
}
