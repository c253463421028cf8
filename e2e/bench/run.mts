// `npm run bench [-- <suite>]`: prints each suite's figures beside its target.
import { runParallelFilesBench } from './parallel-files';
import { runVersioningBench } from './versioning';

const suites: Record<string, () => Promise<Array<[string, string, string]>>> = {
  async versioning() {
    const result = await runVersioningBench();
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    return [
      [
        `storage, ${result.versions} small-edit versions of ${result.files} files`,
        `${kb(result.storedBytes)} vs ${kb(result.fullCopyBytes)} full copies = ${result.storedPercent.toFixed(1)} %`,
        '< 15 %',
      ],
      [`load v${result.versions}, cold (p50 / p95)`, `${result.coldMs.p50.toFixed(1)} / ${result.coldMs.p95.toFixed(1)} ms`, '< 50 ms'],
      [`load v${result.versions}, warm (p50 / p95)`, `${result.warmMs.p50.toFixed(3)} / ${result.warmMs.p95.toFixed(3)} ms`, '< 16 ms'],
    ];
  },
};

suites['parallel-files'] = async () => {
  const result = await runParallelFilesBench();
  const label = `${result.fileCount} files of ${result.fileBytes} B at 80 tokens/s`;
  return [
    [`single call, ${label}`, `${(result.singleMs / 1000).toFixed(1)} s`, '-'],
    [`parallel files (concurrency ${result.concurrency}), ${label}`, `${(result.parallelMs / 1000).toFixed(1)} s (${(result.singleMs / result.parallelMs).toFixed(1)}x)`, 'faster than single'],
  ];
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = requested.length ? requested : Object.keys(suites);
for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    console.error(`Unknown bench suite "${name}". Suites: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  const rows = await suite();
  console.log(`\n${name}`);
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log(`${'measure'.padEnd(width)}  ${'result'.padEnd(48)}  target`);
  for (const [measure, result, target] of rows) console.log(`${measure.padEnd(width)}  ${result.padEnd(48)}  ${target}`);
}
