// `forge check` (docs/architecture.md, "API checks"): the behaviour round and the project's saved
// checks, run against a version's ready preview. Unlike validation, this preview is the person's:
// the round creates and deletes its own items in it, and ids move on.
import { runApiChecks } from '@/api-checks/api-checks';
import { readProjectEnvValues } from '@/db/stores/project-env-store';
import { readVersionFiles } from '@/db/stores/version-files-store';
import { savedCheckRuns } from '@/generation/saved-check-runs';
import { planVersionApiChecks } from '@/generation/sandbox/api-check-steps';
import { CheckList } from '@/generation/sandbox/check-list';
import { createRedactor } from '@/generation/sandbox/redact-secrets';
import { ForgeError } from '@/shared/forge-error';
import type { ValidationCheck } from '@/types/versioning';
import { requireVersion } from './access';
import type { PreviewHandlerContext } from './preview';

/** Per request, as in validation. */
const CHECK_TIMEOUT_MS = 5_000;

export interface PreviewCheckReport {
  versionNumber: number;
  /** Where the checks were sent. */
  url: string;
  checks: ValidationCheck[];
  /** Every check passed or was deliberately skipped: saved checks count here, unlike in validation. */
  ok: boolean;
}

export async function runPreviewChecks(ctx: PreviewHandlerContext, input: { versionId: string; behaviour?: boolean }): Promise<PreviewCheckReport> {
  const { version } = await requireVersion(ctx, input.versionId);
  const api = ctx.previews.manager.use(version.id);
  if (!api) {
    throw new ForgeError('PRECONDITION_FAILED', `v${version.versionNumber}'s preview is not ready: start it first (forge preview ${version.id}).`);
  }
  const [{ files }, env, saved] = await Promise.all([
    readVersionFiles(ctx.db, version.id),
    readProjectEnvValues(ctx.db, version.projectId),
    savedCheckRuns(ctx.db, version),
  ]);
  const plan = await planVersionApiChecks(files, { saved, behaviour: input.behaviour ?? true });
  // The API may echo its env: details and exchanges are masked as validation masks them.
  const checks = new CheckList(plan.names, undefined, createRedactor(env));
  await runApiChecks({ baseUrl: api.baseUrl, timeoutMs: CHECK_TIMEOUT_MS }, plan, (check) => checks.record(check));
  return { versionNumber: version.versionNumber, url: api.baseUrl, checks: checks.checks, ok: checks.checks.every((check) => check.ok) };
}
