// What the diff viewer lays out from a `versions.compare` answer. Pure.
import type { DiffHunk, DiffLine, FileComparison } from '@/versioning/compare';

export interface ComparisonGroups {
  changed: FileComparison[];
  unchanged: FileComparison[];
  additions: number;
  deletions: number;
}

export function groupComparisons(files: readonly FileComparison[]): ComparisonGroups {
  const changed = files.filter((file) => file.operation !== 'unchanged');
  return {
    changed,
    unchanged: files.filter((file) => file.operation === 'unchanged'),
    additions: changed.reduce((total, file) => total + file.additions, 0),
    deletions: changed.reduce((total, file) => total + file.deletions, 0),
  };
}

export type DiffRow = { kind: 'line'; line: DiffLine } | { kind: 'gap'; hiddenLines: number };

/** The hunks' lines, with a row saying how many unchanged lines are hidden between and before them. */
export function diffRows(hunks: readonly DiffHunk[]): DiffRow[] {
  const rows: DiffRow[] = [];
  /** The next old-side line number after what has been shown. */
  let nextOldLine = 1;
  for (const hunk of hunks) {
    const hidden = hunk.oldStart - nextOldLine;
    if (hidden > 0) rows.push({ kind: 'gap', hiddenLines: hidden });
    for (const line of hunk.lines) rows.push({ kind: 'line', line });
    nextOldLine = hunk.oldStart + hunk.lines.filter((line) => line.oldNumber !== null).length;
  }
  return rows;
}

/** An element id for a file's section, safe in a URL fragment and a selector. */
export function diffFileAnchor(filePath: string): string {
  return `diff-${filePath.replace(/[^A-Za-z0-9_-]/g, (character) => `_${character.charCodeAt(0).toString(16)}`)}`;
}
