// Version and file shapes shared by the server, the browser and scripts. No I/O.
import type { CheckExchange, CheckRegression } from './api-checks';
import type { FileOperation, StopReason } from './streaming';

export const VERSION_STATUSES = ['pending', 'generating', 'validating', 'complete', 'failed'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Statuses during which a version still produces events; a project has at most one such version. */
export const ACTIVE_STATUSES: readonly VersionStatus[] = ['pending', 'generating', 'validating'];

/**
 * Compact fast-diff operations (docs/architecture.md, "Storage"): `[0, n]` keep n chars, `[-1, n]` delete n chars,
 * `[1, "text"]` insert. Lengths count UTF-16 code units, as JavaScript strings do.
 */
export type DiffOp = [0, number] | [-1, number] | [1, string];

/** A version's files: path → full content. */
export type FileMap = Record<string, string>;

export interface ValidationCheck {
  check: string;
  ok: boolean;
  skipped?: boolean;
  detail: string;
  durationMs?: number;
  /**
   * 'behaviour': one step of the create → read → update → delete → bad-body round of a resource;
   * 'saved': a request the person saved as a check. Absent for install, build, start, health and routes.
   */
  kind?: 'behaviour' | 'saved';
  /** The resource a behaviour check exercises ("books"); the card groups them by it. */
  resource?: string;
  /** The saved check this result is of. */
  savedCheckId?: string;
  /** The request sent and the response got, for behaviour and saved checks. */
  exchange?: CheckExchange;
  /** Set on a saved check that passed on the base version and fails on this one. */
  regression?: CheckRegression;
}

export interface ValidationReport {
  sandbox: string;
  checks: ValidationCheck[];
  ok: boolean;
  durationMs: number;
}

export interface ModelUsageSummary {
  /** All prompt tokens, cached ones included, summed over the version's model calls. */
  promptTokens?: number;
  /** Of promptTokens, those the provider served from its prompt cache (prompt_tokens_details.cached_tokens). */
  cachedTokens?: number;
  completionTokens?: number;
  /** Model calls made: 1 for one call; plan + files in parallel mode; plus continuations and re-requests. */
  calls?: number;
  /** Continuation calls made after an answer was cut off. */
  continuations?: number;
  /** Estimated from the price table (src/shared/model-prices.ts) when the version's model has a price; USD. */
  costUsd?: number;
  ttftMs?: number;
  totalMs?: number;
}

/** What a run did before it wrote code, kept for the activity lines above its card. */
export interface VersionActivityRecord {
  /** "Read src/index.ts, package.json and 9 more files": the base version it started from. */
  readNote?: string;
  /** How many files the model's plan listed. */
  plannedFileCount?: number;
}

export interface VersionSummary {
  id: string;
  projectId: string;
  versionNumber: number;
  baseVersionId: string | null;
  baseVersionNumber: number | null;
  /** Set when this version repairs a version whose validation failed. */
  fixOfVersionId: string | null;
  prompt: string;
  title: string | null;
  summary: string | null;
  status: VersionStatus;
  stopReason: StopReason | null;
  error: string | null;
  validation: ValidationReport | null;
  model: string | null;
  /** Tokens and timings the model reported (null for the offline generator's untimed fields). */
  usage: ModelUsageSummary | null;
  /** What the run read and planned (null for a restore, which runs no model, and for older versions). */
  activity: VersionActivityRecord | null;
  createdAt: Date;
  completedAt: Date | null;
  /** Per changed file of this version against its base. */
  changes: Array<{ filePath: string; operation: FileOperation }>;
}

export type { FileOperation, StopReason };
