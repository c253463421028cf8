// `npm run bench [-- <suite> ...]`: runs the suites (all by default), prints ONE table with each
// figure beside its target, and records the latest results with the machine in e2e/bench/RESULTS.md.
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runParallelFilesBench } from './parallel-files';
import { describeMachine, formatTable, writeResults, type Row, type SuiteResult } from './results-file';
import { runVersioningBench, type VersioningBenchResult } from './versioning';

// Ctrl-C / kill: exit normally so the suites' exit hooks kill the servers they started.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, stopping`);
    process.exit(130);
  });
}

const RESULTS_PATH = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');

/** The versioning figures feed both the versioning suite and the server table's storage row: run once. */
let versioningRun: Promise<VersioningBenchResult> | undefined;
const versioning = () => (versioningRun ??= runVersioningBench());
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const storageRow = (result: VersioningBenchResult, source = ''): Row => [
  `storage, ${result.versions} small-edit versions of ${result.files} files${source}`,
  `${kb(result.storedBytes)} vs ${kb(result.fullCopyBytes)} full copies = ${result.storedPercent.toFixed(1)} %`,
  '< 15 %',
];

type Suite = () => Promise<{ rows: Row[]; notes?: string[] }>;

const suites: Record<string, Suite> = {
  async server() {
    // Imported on demand: it pulls in the offline generator, which the other suites do not need.
    const { runServerBench } = await import('./server');
    return runServerBench({ storage: async () => storageRow(await versioning(), ' (versioning suite)') });
  },
  async versioning() {
    const shared = versioningRun !== undefined;
    const result = await versioning();
    return {
      notes: shared ? ['Figures from the run made for the server suite\'s storage row (one run serves both).'] : [],
      rows: [
        storageRow(result),
        [`load v${result.versions}, cold (p50 / p95)`, `${result.coldMs.p50.toFixed(1)} / ${result.coldMs.p95.toFixed(1)} ms`, '< 50 ms'],
        [`load v${result.versions}, warm (p50 / p95)`, `${result.warmMs.p50.toFixed(3)} / ${result.warmMs.p95.toFixed(3)} ms`, '< 16 ms'],
      ],
    };
  },
  async 'parallel-files'() {
    const result = await runParallelFilesBench();
    const label = `${result.fileCount} files of ${result.fileBytes} B at 80 tokens/s`;
    return {
      rows: [
        [`single call, ${label}`, `${(result.singleMs / 1000).toFixed(1)} s`, '-'],
        [
          `parallel files (concurrency ${result.concurrency}), ${label}`,
          `${(result.parallelMs / 1000).toFixed(1)} s (${(result.singleMs / result.parallelMs).toFixed(1)}x)`,
          'faster than single',
        ],
      ],
    };
  },
  async 'model-path'() {
    // Imported on demand: it pulls in the offline generator and runs the local sandbox.
    const { runModelPathBench } = await import('./model-path');
    return runModelPathBench();
  },
  async smoothness() {
    // Imported on demand, like the server suite: it drives Chromium.
    const { runSmoothnessBench } = await import('./smoothness');
    return runSmoothnessBench();
  },
  async preview() {
    // Imported on demand: it starts the production server with validation on.
    const { runPreviewBench } = await import('./preview');
    return runPreviewBench();
  },
  async 'api-checks'() {
    // Imported on demand: it runs the local sandbox.
    const { runApiChecksBench } = await import('./api-checks');
    return runApiChecksBench();
  },
  async 'cross-process-stream'() {
    // Imported on demand: it needs a real Postgres and forks a writer and a reader process.
    const { runCrossProcessStreamBench } = await import('./cross-process-stream');
    return runCrossProcessStreamBench();
  },
  async 'dev-first-prompt'() {
    // Imported on demand: it starts `next dev` six times and drives Chromium.
    const { runDevFirstPromptBench } = await import('./dev-first-prompt');
    return runDevFirstPromptBench();
  },
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = requested.length ? requested : Object.keys(suites);
const unknown = names.filter((name) => !suites[name]);
if (unknown.length) {
  console.error(`Unknown bench suite "${unknown.join('", "')}". Suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

const machine = describeMachine();
console.error(`bench: ${names.join(', ')} on ${machine}`);
const runStarted = performance.now();
// Other work on the machine skews every figure: say how busy it was.
const loadBefore = loadavg()[0]!.toFixed(2);
const finished: Record<string, SuiteResult> = {};
const failures: Array<[string, string]> = [];
for (const name of names) {
  const started = performance.now();
  const ranAt = new Date().toISOString();
  try {
    const { rows, notes = [] } = await suites[name]!();
    finished[name] = { rows, notes, ranAt, durationMs: performance.now() - started, machine };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push([name, message]);
    console.error(`\nbench: suite "${name}" FAILED after ${((performance.now() - started) / 1000).toFixed(1)} s:\n${message}\n`);
  }
}
const totalMs = performance.now() - runStarted;
const invocation = `\`npm run bench${requested.length ? ` -- ${requested.join(' ')}` : ''}\` (${names.join(', ')}) took ${(totalMs / 1000).toFixed(0)} s, finished ${new Date().toISOString()}, 1-min load average ${loadBefore} before / ${loadavg()[0]!.toFixed(2)} after${failures.length ? `; failed: ${failures.map(([name]) => name).join(', ')}` : ''}`;

const tableSuites: Array<[string, Row[]]> = names.map((name) => [
  name,
  finished[name]?.rows ?? [['FAILED', (failures.find(([failed]) => failed === name)?.[1] ?? '').split('\n')[0]!.slice(0, 120), '-']],
]);
console.log(`\n${formatTable(tableSuites)}`);
console.log(`\n${machine}; ${invocation}`);
for (const name of names) {
  for (const note of finished[name]?.notes ?? []) console.log(`- ${name}: ${note}`);
}

if (Object.keys(finished).length) {
  writeResults(RESULTS_PATH, finished, Object.keys(suites), invocation);
  console.log(`\nwrote ${RESULTS_PATH}${failures.length ? ' (failed suites keep their previous results)' : ''}`);
}
process.exit(failures.length ? 1 : 0);
