// The machine's description and e2e/bench/RESULTS.md: the latest result of every suite, kept across
// partial runs (`npm run bench -- server` only replaces the server suite's rows).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { cpuModelName } from './proc';

export type Row = [measure: string, result: string, target: string];

export interface SuiteResult {
  rows: Row[];
  notes: string[];
  ranAt: string;
  durationMs: number;
  machine: string;
}

export function describeMachine(): string {
  const model = cpuModelName() ?? cpus()[0]?.model ?? 'unknown cpu';
  const gib = (totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${cpus().length} cores, ${gib} GiB memory, Node ${process.version}, Linux ${release()}`;
}

/** One plain-text table: suite, measure, result, target. */
export function formatTable(suites: Array<[name: string, rows: Row[]]>): string {
  const lines: Array<[string, string, string, string]> = [['suite', 'measure', 'result', 'target']];
  for (const [name, rows] of suites) rows.forEach((row, index) => lines.push([index === 0 ? name : '', ...row]));
  const widths = [0, 1, 2].map((column) => Math.max(...lines.map((line) => line[column]!.length)));
  const text = lines.map((line) => line.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd());
  const rule = widths.map((width) => '-'.repeat(width)).join('  ') + '  ' + '-'.repeat(Math.max(...lines.map((line) => line[3].length)));
  return [text[0], rule, ...text.slice(1)].join('\n');
}

const DATA_MARKER = /<!-- bench-data (\{[\s\S]*\}) -->/;

interface StoredData {
  suites: Record<string, SuiteResult>;
  lastRun: string;
}

function readStored(path: string): StoredData['suites'] {
  if (!existsSync(path)) return {};
  try {
    const match = DATA_MARKER.exec(readFileSync(path, 'utf8'));
    return match ? ((JSON.parse(match[1]!) as StoredData).suites ?? {}) : {};
  } catch {
    return {};
  }
}

/** Merges this run's suites into RESULTS.md and rewrites it. */
export function writeResults(path: string, latest: Record<string, SuiteResult>, suiteOrder: string[], lastRun: string): void {
  const stored = { ...readStored(path), ...latest };
  const names = [...suiteOrder.filter((name) => name in stored), ...Object.keys(stored).filter((name) => !suiteOrder.includes(name))];
  const runs = names.map((name) => `- \`${name}\`: ${stored[name]!.ranAt}, took ${(stored[name]!.durationMs / 1000).toFixed(0)} s, on ${stored[name]!.machine}`);
  const notes = names.flatMap((name) => stored[name]!.notes.map((note) => `- \`${name}\`: ${note}`));
  const text = [
    '# Bench results',
    '',
    'Written by `npm run bench` (e2e/bench/run.mts); each suite keeps its latest run. `npm run bench` runs every suite,',
    '`npm run bench -- server` only the server bench (production build, embedded defaults, model fixture at 80 tokens/s).',
    '',
    '## Runs',
    '',
    `Latest invocation: ${lastRun}`,
    '',
    ...runs,
    '',
    '## Table',
    '',
    '```text',
    formatTable(names.map((name) => [name, stored[name]!.rows])),
    '```',
    '',
    '## Notes',
    '',
    ...notes,
    '',
    // "-->" inside the JSON would end the comment early; \u003e reads back as ">".
    `<!-- bench-data ${JSON.stringify({ suites: stored, lastRun } satisfies StoredData).replace(/-->/g, '--\\u003e')} -->`,
    '',
  ].join('\n');
  writeFileSync(path, text);
}
