// The validation step of a run: the version's files in the sandbox, with its project's env vars,
// each check published the moment it is known. A run that validated a server may hand it over as
// the version's preview (GenerationDeps.offerPreview).
import type { Database } from '@/db/client';
import { readProjectEnvValues } from '@/db/stores/project-env-store';
import type { VersionRow } from '@/db/stores/versions-store';
import type { FileMap, ValidationReport } from '@/types/versioning';
import type { InstallAhead } from './install-ahead';
import type { RunningApi, SandboxAdapter } from './ports';
import type { Publisher } from './publisher';
import { savedCheckRuns } from './saved-check-runs';

export interface PreviewOffer {
  versionId: string;
  versionNumber: number;
  /** The env vars the server was started with. */
  env: Readonly<Record<string, string>>;
}

export interface ValidationDeps {
  db: Database;
  sandbox: SandboxAdapter | null;
  sandboxSkipReason?: string;
  offerPreview?: (offer: PreviewOffer, api: RunningApi) => boolean;
  /** False turns the behaviour round off (FORGE_BEHAVIOUR_CHECKS=off); saved checks run regardless. */
  behaviourChecks?: boolean;
}

/**
 * `installAhead`, when given, hands its install (begun while the files were written) to the sandbox,
 * which goes on from it when package.json is the same and disposes of it otherwise.
 */
export async function validateVersion(
  deps: ValidationDeps,
  version: VersionRow,
  files: FileMap,
  publisher: Publisher,
  signal: AbortSignal,
  installAhead?: InstallAhead,
) {
  publisher.emit({ type: 'step', name: 'validating' });
  publisher.emit({ type: 'validation:start' });
  const prepared = installAhead?.take();
  if (!deps.sandbox) {
    await prepared?.dispose();
    const detail = deps.sandboxSkipReason ?? 'Validation is switched off.';
    publisher.emit({ type: 'validation:result', check: 'sandbox', ok: true, skipped: true, detail });
    return { sandbox: 'none', ok: true, durationMs: 0, checks: [{ check: 'sandbox', ok: true, skipped: true, detail }] } satisfies ValidationReport;
  }
  // The API runs with its project's env vars, as its preview will; the sandbox masks them in every detail.
  let env: Record<string, string>;
  let saved: Awaited<ReturnType<typeof savedCheckRuns>>;
  try {
    [env, saved] = await Promise.all([readProjectEnvValues(deps.db, version.projectId), savedCheckRuns(deps.db, version)]);
  } catch (error) {
    await prepared?.dispose();
    throw error;
  }
  const offer = deps.offerPreview;
  return deps.sandbox.validate(files, {
    signal,
    routes: [],
    env,
    apiChecks: { saved, behaviour: deps.behaviourChecks ?? true },
    onCheck: (check) => publisher.emit({ type: 'validation:result', ...check }),
    ...(offer ? { adoptServer: (api: RunningApi) => offer({ versionId: version.id, versionNumber: version.versionNumber, env }, api) } : {}),
    ...(prepared ? { prepared } : {}),
  });
}
