// The API checks as steps of a sandbox run (docs/architecture.md, "API checks"): planned with the
// other checks, so a report always lists them, and run after the route probes against the started
// server. Shared by the local and the E2B sandbox.
import { planApiChecks, runApiChecks, type ApiCheckPlan } from '@/api-checks/api-checks';
import type { CheckTarget } from '@/api-checks/check-target';
import type { SavedCheckRun } from '@/api-checks/run-saved-checks';
import type { FileMap } from '@/types/versioning';
import type { SandboxRunOptions } from '../ports';
import type { CheckList } from './check-list';
import { findOpenApiPath } from './declared-routes';
import type { RunningServer } from './npm-steps';
import { logEnd } from './report-text';
import { FAILURE_LOG_BYTES, outputSettled } from './route-checks';

export function planRunApiChecks(files: FileMap, options: SandboxRunOptions): Promise<ApiCheckPlan> {
  return planVersionApiChecks(files, options.apiChecks ?? { saved: [], behaviour: true });
}

/** The plan for a version's files: its openapi.json (found as route probing finds it) and the saved checks. */
export function planVersionApiChecks(files: FileMap, checks: { saved: readonly SavedCheckRun[]; behaviour: boolean }): Promise<ApiCheckPlan> {
  const path = findOpenApiPath(files);
  const text = path === undefined ? undefined : files[path];
  return planApiChecks(path !== undefined && text !== undefined ? { path, text } : undefined, checks.saved, { behaviour: checks.behaviour });
}

/** A local server's target: its output is at hand, so a failure shows what the API printed. */
export function localCheckTarget(server: RunningServer, timeoutMs: number, signal?: AbortSignal): CheckTarget {
  const { output } = server.process;
  return {
    baseUrl: server.baseUrl,
    timeoutMs,
    ...(signal ? { signal } : {}),
    serverLog: {
      mark: () => output.bytesSeen,
      since: async (mark) => {
        await outputSettled(output);
        return logEnd(output.textSince(mark), FAILURE_LOG_BYTES);
      },
    },
  };
}

/** Runs the planned API checks into `checks`; says whether a write was accepted. */
export async function runPlannedApiChecks(target: CheckTarget, plan: ApiCheckPlan, checks: CheckList): Promise<boolean> {
  const { wrote } = await runApiChecks(target, plan, (check) => checks.record(check));
  return wrote;
}
