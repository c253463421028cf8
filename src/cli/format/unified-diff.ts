// `forge diff`: versions.compare's line hunks as a unified diff, the form `git diff` prints.
import type { DiffLine, FileComparison } from '@/versioning/compare';
import type { Paint } from './paint';

export interface VersionComparison {
  from: { versionNumber: number };
  to: { versionNumber: number };
  files: FileComparison[];
  problems: Array<{ filePath: string; reason: string }>;
}

function countOperations(files: FileComparison[]): string {
  const counts = new Map<FileComparison['operation'], number>();
  for (const file of files) counts.set(file.operation, (counts.get(file.operation) ?? 0) + 1);
  return (['created', 'modified', 'deleted', 'unchanged'] as const)
    .filter((operation) => counts.has(operation))
    .map((operation) => `${counts.get(operation)} ${operation}`)
    .join(', ');
}

/** `@@ -start,count +start,count @@`; a side with no lines starts at 0, as in `diff -u`. */
function hunkHeader(lines: DiffLine[], oldStart: number, newStart: number): string {
  const oldCount = lines.filter((line) => line.oldNumber !== null).length;
  const newCount = lines.filter((line) => line.newNumber !== null).length;
  return `@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@`;
}

/** The rows of a hunk as diff lines: each run of changes prints its removed lines, then its added ones. */
function hunkBody(lines: DiffLine[], paint: Paint): string[] {
  const out: string[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    out.push(...removed.map((text) => paint.red(`-${text}`)), ...added.map((text) => paint.green(`+${text}`)));
    removed = [];
    added = [];
  };
  for (const line of lines) {
    if (line.kind === 'context') {
      flush();
      out.push(` ${line.oldText ?? ''}`);
      continue;
    }
    if (line.oldText !== null) removed.push(line.oldText);
    if (line.newText !== null) added.push(line.newText);
  }
  flush();
  return out;
}

export function renderUnifiedDiff(comparison: VersionComparison, paint: Paint): string {
  const from = `v${comparison.from.versionNumber}`;
  const to = `v${comparison.to.versionNumber}`;
  const changed = comparison.files.filter((file) => file.operation !== 'unchanged');
  const additions = changed.reduce((total, file) => total + file.additions, 0);
  const deletions = changed.reduce((total, file) => total + file.deletions, 0);
  const lines: string[] = [];
  lines.push(
    changed.length === 0
      ? paint.bold(`${from} → ${to}: no changes (${comparison.files.length} files)`)
      : paint.bold(`${from} → ${to}: ${countOperations(comparison.files)} (${paint.green(`+${additions}`)} ${paint.red(`-${deletions}`)})`),
  );
  for (const problem of comparison.problems) lines.push(paint.yellow(`warning: ${problem.filePath} could not be verified: ${problem.reason}`));
  for (const file of changed) {
    lines.push('');
    lines.push(paint.bold(`--- ${file.operation === 'created' ? '/dev/null' : `${from}/${file.filePath}`}`));
    lines.push(paint.bold(`+++ ${file.operation === 'deleted' ? '/dev/null' : `${to}/${file.filePath}`}`));
    for (const hunk of file.hunks) {
      lines.push(paint.cyan(hunkHeader(hunk.lines, hunk.oldStart, hunk.newStart)));
      lines.push(...hunkBody(hunk.lines, paint));
    }
  }
  return `${lines.join('\n')}\n`;
}
