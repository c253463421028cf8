// The saved checks a version's validation runs, each with how it fared on the base version, so a
// check that passed there and fails here is known as a regression the moment it is recorded.
import type { SavedCheckRun } from '@/api-checks/run-saved-checks';
import type { Database } from '@/db/client';
import { listSavedChecks } from '@/db/stores/saved-checks-store';
import { findVersion, type VersionRow } from '@/db/stores/versions-store';
import { parseJson } from '@/api-checks/http-exchange';
import { savedCheckProblem } from '@/api-checks/run-saved-checks';
import type { SavedCheck } from '@/types/api-checks';
import type { ValidationReport } from '@/types/versioning';

export async function savedCheckRuns(db: Database, version: Pick<VersionRow, 'projectId' | 'baseVersionId'>): Promise<SavedCheckRun[]> {
  const checks = await listSavedChecks(db, version.projectId);
  if (checks.length === 0) return [];
  const base = version.baseVersionId ? await findVersion(db, version.baseVersionId) : null;
  return withBaseOutcomes(checks, base ? { id: base.id, versionNumber: base.versionNumber, validation: base.validation } : null);
}

/**
 * Pairs each check with its result on the base version: from the base's report when its validation
 * ran it, else from the answer it was saved from when that was the base's. Pure.
 */
export function withBaseOutcomes(
  checks: readonly SavedCheck[],
  base: { id: string; versionNumber: number; validation: ValidationReport | null } | null,
): SavedCheckRun[] {
  const results = new Map((base?.validation?.checks ?? []).filter((check) => check.kind === 'saved' && check.savedCheckId).map((check) => [check.savedCheckId!, check]));
  return checks.map((check) => {
    const result = results.get(check.id);
    if (!base) return { check };
    if (!result && check.savedOn?.versionId === base.id) {
      const { response } = check.savedOn;
      const ok = savedCheckProblem(check, { status: response.status, json: parseJson(response.body), summary: String(response.status) }) === null;
      return { check, base: { versionNumber: base.versionNumber, ok, response } };
    }
    if (!result || result.skipped) return { check };
    const response = result.exchange?.response;
    return { check, base: { versionNumber: base.versionNumber, ok: result.ok, ...(response ? { response } : {}) } };
  });
}
