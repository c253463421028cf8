// Line-by-line comparison of two versions' files for the side-by-side diff view.
// The browser imports this module: it must not import anything from node:.
import fastDiff from 'fast-diff';
import type { FileMap } from '@/types/versioning';
import { encodeLines, splitLines } from './line-encoding';

/**
 * One row of the side-by-side view. 'modified' pairs a removed line with the added line that replaced it.
 * Texts have no line terminator, so a row whose only change is CRLF ↔ LF (or a final newline) shows as
 * 'modified' with equal-looking texts.
 */
export interface DiffLine {
  kind: 'context' | 'added' | 'removed' | 'modified';
  /** 1-based line numbers; null on the side where the line does not exist. */
  oldNumber: number | null;
  newNumber: number | null;
  oldText: string | null;
  newText: string | null;
}

export interface DiffHunk {
  /** 1-based position of the hunk in each file; for a side with no lines, where they would be. */
  oldStart: number;
  newStart: number;
  lines: DiffLine[];
}

export interface FileComparison {
  filePath: string;
  operation: 'created' | 'modified' | 'deleted' | 'unchanged';
  /** Added lines, each 'modified' row counting as one addition and one deletion. */
  additions: number;
  deletions: number;
  hunks: DiffHunk[];
}

const CONTEXT_LINES = 3;

/** One entry per path in either map, sorted by path; unchanged files have no hunks. */
export function compareFileMaps(from: FileMap, to: FileMap): FileComparison[] {
  const paths = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return paths.map((filePath) => {
    const oldText = Object.hasOwn(from, filePath) ? from[filePath] : undefined;
    const newText = Object.hasOwn(to, filePath) ? to[filePath] : undefined;
    const operation =
      oldText === undefined ? 'created' : newText === undefined ? 'deleted' : oldText === newText ? 'unchanged' : 'modified';
    if (operation === 'unchanged') return { filePath, operation, additions: 0, deletions: 0, hunks: [] };
    const rows = diffLines(oldText ?? '', newText ?? '');
    return {
      filePath,
      operation,
      additions: rows.filter((row) => row.kind === 'added' || row.kind === 'modified').length,
      deletions: rows.filter((row) => row.kind === 'removed' || row.kind === 'modified').length,
      hunks: toHunks(rows),
    };
  });
}

function diffLines(oldText: string, newText: string): DiffLine[] {
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const encoded = encodeLines(oldLines, newLines);
  const runs: Array<[op: -1 | 0 | 1, lineCount: number]> = encoded
    ? fastDiff(encoded.oldCodes, encoded.newCodes).map(([op, codes]) => [op, codes.length])
    : [
        [-1, oldLines.length],
        [1, newLines.length],
      ];

  const rows: DiffLine[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const oldRow = (index: number) => ({ oldNumber: index + 1, oldText: stripTerminator(oldLines[index]!) });
  const newRow = (index: number) => ({ newNumber: index + 1, newText: stripTerminator(newLines[index]!) });
  const noOld = { oldNumber: null, oldText: null };
  const noNew = { newNumber: null, newText: null };
  // fast-diff may interleave deletions and insertions between two equal runs; pairing them up there
  // gives the side-by-side view one row per replaced line.
  const flushChanges = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const oldIndexAt = removed[i];
      const newIndexAt = added[i];
      if (oldIndexAt !== undefined && newIndexAt !== undefined) {
        rows.push({ kind: 'modified', ...oldRow(oldIndexAt), ...newRow(newIndexAt) });
      } else if (oldIndexAt !== undefined) {
        rows.push({ kind: 'removed', ...oldRow(oldIndexAt), ...noNew });
      } else if (newIndexAt !== undefined) {
        rows.push({ kind: 'added', ...noOld, ...newRow(newIndexAt) });
      }
    }
    removed = [];
    added = [];
  };
  for (const [op, lineCount] of runs) {
    for (let i = 0; i < lineCount; i++) {
      if (op === -1) {
        removed.push(oldIndex++);
      } else if (op === 1) {
        added.push(newIndex++);
      } else {
        flushChanges();
        rows.push({ kind: 'context', ...oldRow(oldIndex++), ...newRow(newIndex++) });
      }
    }
  }
  flushChanges();
  return rows;
}

function stripTerminator(line: string): string {
  if (line.endsWith('\r\n')) return line.slice(0, -2);
  return line.endsWith('\n') ? line.slice(0, -1) : line;
}

/** Changes with at most 2 × CONTEXT_LINES unchanged lines between them share a hunk. */
function toHunks(rows: DiffLine[]): DiffHunk[] {
  const ranges: Array<{ start: number; end: number }> = [];
  rows.forEach((row, index) => {
    if (row.kind === 'context') return;
    const start = Math.max(0, index - CONTEXT_LINES);
    const end = Math.min(rows.length, index + CONTEXT_LINES + 1);
    const last = ranges.at(-1);
    if (last && start <= last.end) last.end = end;
    else ranges.push({ start, end });
  });

  const hunks: DiffHunk[] = [];
  let oldLinesBefore = 0;
  let newLinesBefore = 0;
  let rowIndex = 0;
  for (const { start, end } of ranges) {
    for (; rowIndex < start; rowIndex++) {
      if (rows[rowIndex]!.oldNumber !== null) oldLinesBefore++;
      if (rows[rowIndex]!.newNumber !== null) newLinesBefore++;
    }
    hunks.push({ oldStart: oldLinesBefore + 1, newStart: newLinesBefore + 1, lines: rows.slice(start, end) });
  }
  return hunks;
}
