// End to end over the pure pieces: a long, branching history written with planVersionFiles and the
// snapshot policy into an in-memory version_files store, then every version rebuilt from storage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffOp, FileMap } from '@/types/versioning';
import { planVersionFiles, type VersionFileRowInput } from './plan-version-files';
import { reconstructVersionFiles, type ReconstructionResult } from './reconstruct';
import { MAX_DIFF_CHAIN, shouldWriteSnapshot } from './snapshot-policy';
import { chainToSnapshot, versionsSinceSnapshot } from './version-chain';

const SEED = 20261123;
const VERSION_COUNT = 200;
const PATHS = ['src/index.ts', 'src/routes/books.ts', 'src/routes/авторы.ts', 'src/db.ts', 'package.json', 'README.md', 'constructor', 'src/👍.ts'];

interface StoredTestVersion {
  id: string;
  baseVersionId: string | null;
  isSnapshot: boolean;
  rows: VersionFileRowInput[];
  /** What the version was written from: the expected reconstruction. */
  files: FileMap;
}
type Store = Map<string, StoredTestVersion>;

const line = fc.oneof(
  fc.constantFrom('import express from "express";', 'app.get("/health", (req, res) => res.send("ok"));', '}', '', '  return next();'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const content = fc
  .array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { minLength: 1, maxLength: 60 })
  .map((lines) => lines.map(([text, end]) => text + end).join(''));
const insertion = fc.oneof(line, content);

type FileEdit =
  | { kind: 'write'; path: number; text: string }
  | { kind: 'splice'; path: number; at: number; deleteCount: number; text: string }
  | { kind: 'delete'; path: number };
const fileEdit: fc.Arbitrary<FileEdit> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('write' as const), path: fc.nat(), text: content }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('splice' as const), path: fc.nat(), at: fc.nat(), deleteCount: fc.nat({ max: 40 }), text: insertion }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.nat() }) },
);
/** `branchRoll` below 20: the version branches from `branchTarget` instead of building on the latest one. */
const versionStep = fc.record({ branchRoll: fc.nat({ max: 99 }), branchTarget: fc.nat(), edits: fc.array(fileEdit, { maxLength: 4 }) });
const history = fc.array(versionStep, { minLength: VERSION_COUNT, maxLength: VERSION_COUNT });
type VersionStep = typeof versionStep extends fc.Arbitrary<infer Step> ? Step : never;

function applyEdit(files: FileMap, edit: FileEdit): FileMap {
  const path = PATHS[edit.path % PATHS.length]!;
  const next = { ...files };
  if (edit.kind === 'delete') {
    delete next[path];
  } else if (edit.kind === 'write') {
    next[path] = edit.text;
  } else {
    // Whole code points, so files stay well formed as real sources are.
    const codePoints = [...(Object.hasOwn(files, path) ? files[path]! : '')];
    codePoints.splice(edit.at % (codePoints.length + 1), edit.deleteCount, edit.text);
    next[path] = codePoints.join('');
  }
  return next;
}

function writeVersion(store: Store, id: string, baseVersionId: string | null, files: FileMap): void {
  const lookup = (versionId: string) => store.get(versionId);
  const isSnapshot = shouldWriteSnapshot(versionsSinceSnapshot(baseVersionId, lookup));
  const baseFiles = baseVersionId === null ? {} : store.get(baseVersionId)!.files;
  const rows = planVersionFiles({ baseFiles, targetFiles: files, asSnapshot: isSnapshot });
  // Through JSON, as jsonb would: nothing may depend on object identity or undefined fields.
  store.set(id, { id, baseVersionId, isSnapshot, rows: JSON.parse(JSON.stringify(rows)) as VersionFileRowInput[], files });
}

function buildStore(steps: VersionStep[]): Store {
  const store: Store = new Map();
  const ids: string[] = [];
  for (const [index, step] of steps.entries()) {
    const id = `v${index + 1}`;
    const latest = ids.at(-1) ?? null;
    const baseVersionId = latest !== null && step.branchRoll < 20 ? ids[step.branchTarget % ids.length]! : latest;
    const baseFiles = baseVersionId === null ? {} : store.get(baseVersionId)!.files;
    writeVersion(store, id, baseVersionId, step.edits.reduce(applyEdit, baseFiles));
    ids.push(id);
  }
  return store;
}

function rebuild(store: Store, id: string): { chain: string[]; result: ReconstructionResult } {
  const chain = chainToSnapshot(id, (versionId) => store.get(versionId));
  const result = reconstructVersionFiles(
    chain.map((versionId) => {
      const { isSnapshot, rows } = store.get(versionId)!;
      return { versionId, isSnapshot, rows };
    }),
  );
  return { chain, result };
}

describe('a 200-version branching history', () => {
  it('rebuilds every version exactly, never applying more than MAX_DIFF_CHAIN diff steps', () => {
    const stats = { diffRows: 0, fullModifiedRows: 0, snapshots: 0 };
    fc.assert(
      fc.property(history, (steps) => {
        const store = buildStore(steps);
        let longestChain = 0;
        for (const version of store.values()) {
          const { chain, result } = rebuild(store, version.id);
          expect(result.problems).toEqual([]);
          expect(result.files).toEqual(version.files);
          expect(chain.length).toBeLessThanOrEqual(MAX_DIFF_CHAIN + 1);
          expect(result.diffsApplied).toBeLessThanOrEqual(MAX_DIFF_CHAIN);
          longestChain = Math.max(longestChain, result.diffsApplied);
          stats.snapshots += version.isSnapshot ? 1 : 0;
          for (const row of version.rows) {
            if (row.contentDiff) stats.diffRows++;
            else if (row.operation === 'modified' && !version.isSnapshot) stats.fullModifiedRows++;
          }
        }
        // Snapshots only when needed: chains do reach the limit.
        expect(longestChain).toBe(MAX_DIFF_CHAIN);
      }),
      { seed: SEED, numRuns: 3 },
    );
    // Otherwise the checks above would pass without exercising diffs, full rewrites or snapshots.
    expect(stats.diffRows).toBeGreaterThan(100);
    expect(stats.fullModifiedRows).toBeGreaterThan(10);
    expect(stats.snapshots).toBeGreaterThan(10);
  });

  it('never serves content from a corrupted diff, and reports which file and version failed', () => {
    const [steps] = fc.sample(history, { seed: SEED, numRuns: 1 });
    const store = buildStore(steps!);
    const diffRows = [...store.values()].flatMap((version) =>
      version.rows.filter((row) => row.contentDiff !== null).map((row) => ({ version, row })),
    );
    const corruptions: Array<(ops: DiffOp[]) => DiffOp[]> = [
      (ops) => [...ops, [1, '⚠']], // still applies, wrong text
      (ops) => {
        // Shifted: the first keep or delete covers one more character.
        const index = ops.findIndex((op) => op[0] !== 1);
        return ops.map((op, i): DiffOp => (i === index && op[0] !== 1 ? [op[0], op[1] + 1] : op));
      },
    ];
    // Spread over the history: early rows have long descendant trees, late ones short.
    const picked = [0.1, 0.4, 0.7, 0.95].map((fraction) => diffRows[Math.floor(fraction * diffRows.length)]!);
    for (const { version: corruptedVersion, row } of picked) {
      for (const corrupt of corruptions) {
        const original = row.contentDiff!;
        row.contentDiff = corrupt(original);
        for (const version of store.values()) {
          const { chain, result } = rebuild(store, version.id);
          expectOnlyVerifiedContent(store, version, result);
          if (chain.includes(corruptedVersion.id)) {
            expect(result.problems).toContainEqual(
              expect.objectContaining({ versionId: corruptedVersion.id, filePath: row.filePath }),
            );
          } else {
            expect(result.problems).toEqual([]);
          }
        }
        row.contentDiff = original;
      }
    }
  });
});

/** Each served file is the version's own content, or a reported fallback to content verified earlier. */
function expectOnlyVerifiedContent(store: Store, version: StoredTestVersion, result: ReconstructionResult): void {
  const fileOf = (files: FileMap, path: string) => (Object.hasOwn(files, path) ? files[path] : undefined);
  for (const path of new Set([...Object.keys(version.files), ...Object.keys(result.files)])) {
    const served = fileOf(result.files, path);
    if (served === fileOf(version.files, path)) continue;
    const problem = result.problems.findLast((candidate) => candidate.filePath === path);
    expect(problem, `${version.id} serves an unreported ${path}`).toBeDefined();
    if (served === undefined) {
      expect(problem!.fallbackVersionId).toBeNull();
    } else {
      expect(served).toBe(fileOf(store.get(problem!.fallbackVersionId!)!.files, path));
    }
  }
}
