// The project's saved checks against a version's API (docs/architecture.md, "API checks"): each
// request as the person saved it, judged by the status and JSON they expect. One that passed on the
// base version and fails on this one is marked a regression, with the base's answer beside this one.
import { SAVED_CHECK_PREFIX, type CheckExchange, type SavedCheck } from '@/types/api-checks';
import type { PreviewQuery } from '@/types/preview';
import { isSuccess, send, withServerLog, type CheckTarget, type RecordCheck } from './check-target';
import { jsonMismatches } from './json-match';

export interface SavedCheckRun {
  check: SavedCheck;
  /** How it fared on the base version, when the base ran it. */
  base?: { versionNumber: number; ok: boolean; response?: CheckExchange['response'] };
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function savedCheckName(check: Pick<SavedCheck, 'name'>): string {
  return `${SAVED_CHECK_PREFIX}${check.name}`;
}

/** "/books?tag=a&tag=b": the path with its query, a repeated parameter once per value. */
export function pathWithQuery(path: string, query: PreviewQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Why an answer does not meet the check; null when it does. Pure. */
export function savedCheckProblem(check: Pick<SavedCheck, 'expectStatus' | 'expectJson'>, answer: { status?: number; json?: unknown; summary: string }): string | null {
  if (answer.status === undefined) return answer.summary;
  if (answer.status !== check.expectStatus) return `answered ${answer.summary}, expected ${check.expectStatus}`;
  if (check.expectJson === null || check.expectJson === undefined) return null;
  if (answer.json === undefined) return `answered ${answer.summary}, but not with JSON, and JSON was expected`;
  const mismatches = jsonMismatches(answer.json, check.expectJson);
  return mismatches.length === 0 ? null : `answered ${answer.summary}, but ${mismatches.slice(0, 5).join('; ')}`;
}

/** Runs every check in order; says whether any accepted write changed the API's data. */
export async function runSavedChecks(target: CheckTarget, runs: readonly SavedCheckRun[], record: RecordCheck): Promise<{ wrote: boolean }> {
  let wrote = false;
  for (const { check, base } of runs) {
    if (target.signal?.aborted) break;
    const mark = target.serverLog?.mark();
    const result = await send(target, {
      method: check.method,
      path: pathWithQuery(check.path, check.query),
      headers: check.headers,
      ...(check.body === null ? {} : { body: check.body }),
    });
    if (!READ_METHODS.has(check.method) && isSuccess(result.status)) wrote = true;
    const problem = savedCheckProblem(check, result);
    const common = { check: savedCheckName(check), kind: 'saved' as const, savedCheckId: check.id, exchange: result.exchange, durationMs: result.durationMs };
    if (problem === null) {
      record({ ...common, ok: true, detail: `answered ${result.summary}${check.expectJson === null ? '' : ', with the JSON expected'}` });
      continue;
    }
    const regression = base?.ok ? { regression: { baseVersionNumber: base.versionNumber, ...(base.response ? { baseResponse: base.response } : {}) } } : {};
    const since = base?.ok ? `; it passed on v${base.versionNumber}` : '';
    record({ ...common, ok: false, detail: await withServerLog(target, mark, `${check.method} ${result.exchange.request.path} ${problem}${since}`), ...regression });
  }
  return { wrote };
}
