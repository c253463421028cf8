// Model-path rows 2 and 4, with the real local sandbox (validation runs npm install, build, start,
// health and route probes): the tasks v1 in parallel mode to "validated", install-ahead off and on;
// and how many of five projects written in parallel still validate, against one call.
import { FAST_PACE, REALISTIC_PACE } from './bench-responder';
import { offlineProject } from './model-path-answers';
import { describeCalls, withModelPathServer, type ModelPathFeatures, type VersionRun } from './model-path-harness';
import { TASKS_PROMPT, v1Responder } from './model-path-timing';
import type { Row } from './results-file';
import { formatSeconds } from './stats';

/** Prompts the offline generator answers with a whole project each (11 to 13 files). */
export const VALIDATION_PROMPTS = [
  'A REST API for a bookstore with authors and books',
  'An API for tasks',
  'A blog API with posts and comments',
  'A notes API with notes',
  'An inventory API with products',
];

/**
 * Validation failures end the version failed; the automatic Fix would then answer with a new version
 * and a model call the responder does not script, so it is off: a row counts the version itself.
 */
const SANDBOX_ENV = { FORGE_AUTO_FIX: 'off' };

/** Ended complete with a validation that ran (not skipped) and passed. */
function validated(run: VersionRun): boolean {
  const report = run.summary.validation;
  return run.summary.status === 'complete' && report !== null && report.ok && !report.checks.some((check) => check.skipped);
}

function whyNot(run: VersionRun): string {
  const failed = run.summary.validation?.checks.find((check) => !check.ok || check.skipped);
  const detail = failed ? `${failed.check}: ${failed.detail}` : (run.summary.error ?? run.summary.status);
  return detail.split('\n')[0]!.slice(0, 200);
}

export async function measureValidatedShare(features: ModelPathFeatures, rows: Row[], notes: string[]): Promise<void> {
  const failures: string[] = [];
  const countValidated = (mode: string, env: Record<string, string>) =>
    withModelPathServer({ ...SANDBOX_ENV, ...env }, async (server) => {
      let passed = 0;
      for (const prompt of VALIDATION_PROMPTS) {
        const run = await server.run(FAST_PACE, v1Responder(offlineProject(prompt)), (caller) => caller.projects.create({ prompt }));
        console.error(`model-path: ${mode}, "${prompt}": ${validated(run) ? 'validated' : `not validated (${whyNot(run)})`}`);
        if (validated(run)) passed++;
        else failures.push(`${mode}, "${prompt}" (${describeCalls(run.calls)}): ${whyNot(run)}`);
      }
      return passed;
    });
  // The two modes run side by side, each project after the other: validations then share the server's
  // two sandbox slots (defaultSandboxSlots), as two users' versions would, and both modes meet the same load.
  const [single, parallel] = await Promise.all([countValidated('single call', { FORGE_PARALLEL_FILES: 'off' }), countValidated('parallel', features.parallelV1)]);
  failures.sort();
  const n = VALIDATION_PROMPTS.length;
  rows.push([`parallel files pass validation, share of fixture runs: single call vs ${features.parallelLabel}`, `${single}/${n} vs ${parallel}/${n}`, `${n}/${n} both`]);
  notes.push(
    `Row "parallel files pass validation": ${n} prompts (${VALIDATION_PROMPTS.map((prompt) => `"${prompt}"`).join(', ')}), each answered ` +
      `from the offline generator's project (compact .json) at FAST pace, validated by the real local sandbox (npm install, build, ` +
      `start, GET /health and route probes), FORGE_AUTO_FIX=off; the two modes run side by side, sharing the sandbox's two slots. A run counts when its version ends complete with a validation ` +
      `that ran and passed. The fixture writes correct files, so this measures whether plan → parallel file calls → assembly ` +
      `keeps a working project (every file arrives whole, in place, nothing lost or mixed up); it does not measure whether a ` +
      `real model writing files apart keeps them consistent.` +
      (failures.length ? ` Runs that did not validate: ${failures.join('; ')}.` : ''),
  );
}

export async function measureInstallAhead(features: ModelPathFeatures, rows: Row[], notes: string[]): Promise<void> {
  const project = offlineProject(TASKS_PROMPT);
  const installDetails: string[] = [];
  const timeValidated = async (installAhead: 'on' | 'off' | undefined) => {
    const env = { ...SANDBOX_ENV, ...features.parallelV1, ...(installAhead ? { FORGE_INSTALL_AHEAD: installAhead } : {}) };
    const run = await withModelPathServer(env, (server) =>
      server.run(REALISTIC_PACE, v1Responder(project), (caller) => caller.projects.create({ prompt: TASKS_PROMPT })),
    );
    if (!validated(run)) throw new Error(`the tasks v1 (install-ahead ${installAhead ?? 'not built'}) did not validate: ${whyNot(run)}`);
    // The install check says when npm ran ahead (install-ahead-rules.ts, installAheadNote): the row shows it was used.
    const install = run.summary.validation!.checks.find((check) => check.check === 'install');
    const ahead = install?.detail.includes('while the files were written') ? ', installed ahead' : '';
    installDetails.push(`${installAhead ?? 'as built'}: ${install ? install.detail.split('\n')[0]!.slice(0, 200) : 'no install check'}`);
    return `${formatSeconds(run.versionCompleteMs)} (validation ${formatSeconds(run.summary.validation!.durationMs)}${ahead})`;
  };
  const label = `the same v1, create → validated (${features.parallelLabel}, local sandbox)`;
  if (!features.installAhead) {
    const today = await timeValidated(undefined);
    rows.push([`${label}: install-ahead off vs on`, `as built ${today} vs skipped: FORGE_INSTALL_AHEAD is not in src/env.ts yet`, '-']);
  } else {
    const off = await timeValidated('off');
    const on = await timeValidated('on');
    rows.push([`${label}: install-ahead off vs on`, `${off} vs ${on}`, '-']);
  }
  notes.push(
    `Row "${label}": the tasks v1 of row 1 at 80 tokens/s in parallel mode with the real local sandbox, FORGE_AUTO_FIX=off, ` +
      `once with FORGE_INSTALL_AHEAD=off and once with on (npm install starts once package.json has streamed). Time: ` +
      `projects.create → the version:complete event's \`at\`, which comes after validation passed; "validation" is the report's ` +
      `own duration. The npm cache (shared by all validations) is warm from the validation-share runs, which go first, as on a server that has validated a few versions. ` +
      `One run each: on a busy 2-core machine build and start vary by several seconds from run to run; the install check's ` +
      `own time is what install-ahead can take off the critical path. ` +
      `Install checks: ${installDetails.join('; ')}.`,
  );
}
