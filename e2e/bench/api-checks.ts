// What the API checks add to a validation (docs/architecture.md, "API checks"): the offline
// generator's bookstore v1 validated by the real local sandbox with the behaviour round off and on,
// alternately, the server handed over as a preview would take it. "On" also pays the restart that
// gives the preview a fresh server after the round wrote to it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RunningApi } from '../../src/generation/ports';
import { createLocalSandbox } from '../../src/generation/sandbox/local-sandbox';
import { createSemaphore } from '../../src/generation/sandbox/semaphore';
import type { ValidationReport } from '../../src/types/versioning';
import { offlineProject } from './model-path-answers';
import type { Row } from './results-file';
import { formatMs, formatSeconds } from './stats';

const BOOKSTORE = 'A REST API for a bookstore with authors and books';
const RUNS = 3;

interface Run {
  report: ValidationReport;
  /** validate() called → the server offered as the preview. */
  handoverMs: number;
  /** The behaviour checks' own request time, summed. */
  checksMs: number;
  /** The last check recorded → the server offered: the restart, when the round wrote. */
  afterChecksMs: number;
}

async function validateOnce(sandboxRoot: string, behaviour: boolean): Promise<Run> {
  const { files } = offlineProject(BOOKSTORE);
  const sandbox = createLocalSandbox({ sandboxRoot, probeWriteRoutes: true, slots: createSemaphore(1) });
  const started = performance.now();
  let lastCheckAt = started;
  let offeredAt = 0;
  let adopted: RunningApi | undefined;
  const report = await sandbox.validate(files, {
    routes: [],
    apiChecks: { saved: [], behaviour },
    onCheck: () => (lastCheckAt = performance.now()),
    adoptServer: (api) => {
      offeredAt = performance.now();
      adopted = api;
      return true;
    },
  });
  await adopted?.stop();
  if (!report.ok || !adopted) throw new Error(`validation ${report.ok ? 'did not hand over' : 'failed'}: ${JSON.stringify(report.checks.filter((check) => !check.ok))}`);
  const checksMs = report.checks.filter((check) => check.kind === 'behaviour').reduce((sum, check) => sum + (check.durationMs ?? 0), 0);
  return { report, handoverMs: offeredAt - started, checksMs, afterChecksMs: offeredAt - lastCheckAt };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runApiChecksBench(): Promise<{ rows: Row[]; notes: string[] }> {
  const sandboxRoot = await mkdtemp(path.join(tmpdir(), 'bench-api-checks-'));
  const off: Run[] = [];
  const on: Run[] = [];
  try {
    // One warm-up run fills the shared npm cache, as on a server that has validated before.
    await validateOnce(sandboxRoot, false);
    for (let run = 0; run < RUNS; run++) {
      off.push(await validateOnce(sandboxRoot, false));
      on.push(await validateOnce(sandboxRoot, true));
    }
  } finally {
    await rm(sandboxRoot, { recursive: true, force: true });
  }
  const behaviourChecks = on[0]!.report.checks.filter((check) => check.kind === 'behaviour');
  const seconds = (runs: Run[], pick: (run: Run) => number) => `${formatSeconds(median(runs.map(pick)))} (runs: ${runs.map((run) => formatSeconds(pick(run))).join(', ')})`;
  return {
    rows: [
      [`bookstore v1, validate → handed over as preview: behaviour round off, median of ${RUNS}`, seconds(off, (run) => run.handoverMs), '-'],
      [`the same with the behaviour round on (${behaviourChecks.length} checks, all passed)`, seconds(on, (run) => run.handoverMs), '-'],
      ['of which the round\'s requests, summed (median)', formatMs(median(on.map((run) => run.checksMs))), '< 1 s'],
      ['of which the restart after the round (last check → handed over, median)', `${formatSeconds(median(on.map((run) => run.afterChecksMs)))} vs ${formatMs(median(off.map((run) => run.afterChecksMs)))} with it off`, '-'],
    ],
    notes: [
      `The offline generator's "${BOOKSTORE}" v1 (authors and books) in the real local sandbox (bubblewrap where it works, the shared npm cache warm from one run before), write probes on as the app runs them, one validation at a time, off and on alternating. Times are from validate() to the adoptServer call, which comes after every check; the restart is \`npm start --ignore-scripts\` in the same dir, which skips prestart (its build is done).`,
    ],
  };
}
