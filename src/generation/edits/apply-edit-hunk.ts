// Applying the hunks of an <edit> block (docs/architecture.md, "Model output") to a file. A hunk's
// SEARCH text must name one place: first as written, then once more comparing lines with their
// leading and trailing whitespace ignored. Nothing fuzzier: a wrong guess would silently corrupt
// the file, while a failed hunk can be asked for again. Pure.
//
// Matches are whole lines: a match starts at the start of a line and ends at the end of one.
// Line ends: the whitespace-tolerant retry ignores a `\r`, so a hunk written with `\n` finds its
// lines in a CRLF file; its REPLACE text then gets the file's `\r\n`, and the other way round,
// so the file keeps one kind of line end. It also finds the file's last line when that line has
// no final newline, and then the REPLACE text's final newline is dropped to keep it that way.
import type { EditHunk } from '@/generation/file-blocks/file-block-events';

export type EditMatch = 'exact' | 'whitespace';

/** Where a SEARCH text matched: `content.slice(start, end)` are the matched lines. */
export interface HunkLocation {
  start: number;
  end: number;
  /** 1-based line of `content` the match starts on. */
  startLine: number;
  /** How many lines of `content` the match covers: the lines the REPLACE text takes the place of. */
  deletedLines: number;
  match: EditMatch;
  /** What the REPLACE text's line ends become (see the top of this file). */
  lineEnds: 'as-written' | 'crlf' | 'lf';
  /** The match runs to the end of a file with no final newline: the REPLACE text's last newline goes. */
  dropFinalNewline: boolean;
}

export type LocateEditHunkResult = ({ ok: true } & HunkLocation) | { ok: false; reason: string };

export type AppliedEditHunk = { ok: true; content: string; startLine: number; deletedLines: number; match: EditMatch };
export type ApplyEditHunkResult = AppliedEditHunk | { ok: false; reason: string };

/** Line spans of `content`: `ends[i]` is just past line i's "\n" (or the end of the text). */
function lineSpans(content: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  while (start < content.length) {
    const newline = content.indexOf('\n', start);
    const end = newline === -1 ? content.length : newline + 1;
    starts.push(start);
    ends.push(end);
    start = end;
  }
  return { starts, ends };
}

function lineNumberAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function describePlaces(lines: number[]): string {
  const shown = lines.slice(0, 5).join(', ');
  return `${lines.length} places (lines ${shown}${lines.length > 5 ? ', …' : ''})`;
}

/** Every place `search` occurs in `content` starting at a line start and ending at a line end. */
function exactMatches(content: string, search: string): number[] {
  const found: number[] = [];
  for (let at = content.indexOf(search); at !== -1; at = content.indexOf(search, at + 1)) {
    const end = at + search.length;
    const startsLine = at === 0 || content[at - 1] === '\n';
    const endsLine = search.endsWith('\n') || end === content.length || content[end] === '\n' || content.startsWith('\r\n', end);
    if (startsLine && endsLine) found.push(at);
  }
  return found;
}

/** The SEARCH text's lines without their ends; a final newline ends the last line rather than starting one. */
function searchLines(search: string): string[] {
  const lines = search.split('\n');
  if (search.endsWith('\n')) lines.pop();
  return lines;
}

/** First line indexes where the trimmed lines of `search` equal those of the file. */
function whitespaceMatches(fileLines: string[], wanted: string[]): number[] {
  const found: number[] = [];
  for (let first = 0; first + wanted.length <= fileLines.length; first++) {
    let same = true;
    for (let offset = 0; offset < wanted.length && same; offset++) same = fileLines[first + offset] === wanted[offset];
    if (same) found.push(first);
  }
  return found;
}

/** Line ends the REPLACE text should get on a whitespace match: those of the file where the hunk's differ. */
function replacementLineEnds(matched: string, search: string): HunkLocation['lineEnds'] {
  const terminated = matched.split('\n').slice(0, -1);
  if (terminated.length === 0) return 'as-written';
  const fileCrlf = terminated.every((line) => line.endsWith('\r'));
  const fileLf = terminated.every((line) => !line.endsWith('\r'));
  const hunkLines = search.split('\n').slice(0, -1);
  if (fileCrlf && !search.includes('\r\n')) return 'crlf';
  if (fileLf && hunkLines.length > 0 && hunkLines.every((line) => line.endsWith('\r'))) return 'lf';
  return 'as-written';
}

/** Finds the one place `search` names in `content`, without changing anything. */
export function locateEditHunk(content: string, search: string): LocateEditHunkResult {
  if (search === '') return { ok: false, reason: 'the SEARCH text is empty' };
  const { starts, ends } = lineSpans(content);
  const exact = exactMatches(content, search);
  if (exact.length > 1) {
    const places = describePlaces(exact.map((at) => lineNumberAt(starts, at)));
    return { ok: false, reason: `the SEARCH text matches ${places}; include more lines around the change so it matches one` };
  }
  if (exact.length === 1) {
    const start = exact[0]!;
    const end = start + search.length;
    const startLine = lineNumberAt(starts, start);
    const deletedLines = end === start ? 0 : lineNumberAt(starts, end - 1) - startLine + 1;
    return { ok: true, start, end, startLine, deletedLines, match: 'exact', lineEnds: 'as-written', dropFinalNewline: false };
  }
  const wanted = searchLines(search).map((line) => line.trim());
  const fileLines = starts.map((start, index) => content.slice(start, ends[index]).trim());
  const tolerant = whitespaceMatches(fileLines, wanted);
  if (tolerant.length > 1) {
    const places = describePlaces(tolerant.map((first) => first + 1));
    return { ok: false, reason: `the SEARCH text matches ${places} when leading and trailing whitespace is ignored; include more lines around the change so it matches one` };
  }
  if (tolerant.length === 0) {
    const firstLine = JSON.stringify(searchLines(search)[0]!.trim().slice(0, 60));
    return { ok: false, reason: `the SEARCH text is not in the file, even ignoring leading and trailing whitespace (its first line: ${firstLine})` };
  }
  const first = tolerant[0]!;
  const start = starts[first]!;
  const end = ends[first + wanted.length - 1]!;
  const matched = content.slice(start, end);
  return {
    ok: true,
    start,
    end,
    startLine: first + 1,
    deletedLines: wanted.length,
    match: 'whitespace',
    lineEnds: replacementLineEnds(matched, search),
    dropFinalNewline: end === content.length && !matched.endsWith('\n'),
  };
}

/** Replaces the located lines; `content` must be the text `location` was found in. */
export function applyLocatedHunk(content: string, location: HunkLocation, replace: string): AppliedEditHunk {
  if (location.start < 0 || location.end < location.start || location.end > content.length) {
    throw new Error(`applyLocatedHunk: the location ${location.start}-${location.end} is not inside this content (${content.length} characters)`);
  }
  let replacement = replace;
  if (location.lineEnds === 'crlf') replacement = replacement.replace(/(?<!\r)\n/g, '\r\n');
  if (location.lineEnds === 'lf') replacement = replacement.replaceAll('\r\n', '\n');
  if (location.dropFinalNewline) replacement = replacement.replace(/\r?\n$/, '');
  return {
    ok: true,
    content: content.slice(0, location.start) + replacement + content.slice(location.end),
    startLine: location.startLine,
    deletedLines: location.deletedLines,
    match: location.match,
  };
}

export function applyEditHunk(content: string, hunk: EditHunk): ApplyEditHunkResult {
  const location = locateEditHunk(content, hunk.search);
  return location.ok ? applyLocatedHunk(content, location, hunk.replace) : location;
}

/** Applies hunks in order, each to the result of the ones before, as an <edit> block means them. */
export function applyEditHunks(content: string, hunks: readonly EditHunk[]): { ok: true; content: string } | { ok: false; reason: string } {
  let current = content;
  for (const [index, hunk] of hunks.entries()) {
    const applied = applyEditHunk(current, hunk);
    if (!applied.ok) return { ok: false, reason: hunks.length > 1 ? `hunk ${index + 1}: ${applied.reason}` : applied.reason };
    current = applied.content;
  }
  return { ok: true, content: current };
}
