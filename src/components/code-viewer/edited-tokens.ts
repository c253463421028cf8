// Syntax tokens for a file being edited in its middle (a hunk typing at a cursor), without
// tokenizing the whole file on every frame: Prism takes about 60 ms for 1,000 lines of TypeScript,
// two frames' worth at the typing pace. Lines before the change and after it are kept from the last
// call; only the lines between safe boundaries around the change are tokenized again. A boundary is
// safe as in chunked-tokens.ts: any line start in JSON, elsewhere a line start after a blank line.
// Pure (Prism only).
import type { Token } from 'prism-react-renderer';
import { retokenizedTailLines, tokenizeLines } from './chunked-tokens';

interface EditedTokens {
  language: string;
  text: string;
  /** Offset where each line of `text` starts. */
  lineStarts: number[];
  lines: Token[][];
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let length = 0;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

function commonSuffixLength(a: string, b: string, limit: number): number {
  let length = 0;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}

/** The last line index at or before `offset`'s line, `margin` lines further back, that starts at a safe boundary. */
function safeLineBefore(starts: readonly number[], offset: number, margin: number, anyLineIsSafe: boolean): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  for (line = Math.max(0, line - margin); line > 0; line--) if (anyLineIsSafe || starts[line]! - starts[line - 1]! === 1) return line;
  return 0;
}

/** The first line index starting at `offset` or later, `margin` lines further on, at a safe boundary; null when none. */
function safeLineAfter(starts: readonly number[], offset: number, margin: number, anyLineIsSafe: boolean): number | null {
  let line = 0;
  while (line < starts.length && starts[line]! < offset) line++;
  for (line += margin; line < starts.length; line++) if (anyLineIsSafe || starts[line]! - starts[line - 1]! === 1) return line;
  return null;
}

function tokenizedWhole(text: string, language: string): EditedTokens {
  return { language, text, lineStarts: lineStartsOf(text), lines: tokenizeLines(text, language) };
}

/**
 * The tokens of `code`, reusing `previous` before and after the part that changed. Lines are kept
 * after the change only where the old and new text agree from a line start on, so they are the
 * same lines, at the same distance from the end.
 */
export function tokenizeEdited(code: string, language: string, previous: EditedTokens | null): EditedTokens {
  if (!previous || previous.language !== language) return tokenizedWhole(code, language);
  if (previous.text === code) return previous;
  const old = previous.text;
  const prefix = commonPrefixLength(old, code);
  const suffix = commonSuffixLength(old, code, Math.min(old.length, code.length) - prefix);
  const margin = retokenizedTailLines(language);
  const anyLineIsSafe = language === 'json';
  const starts = lineStartsOf(code);

  const first = safeLineBefore(previous.lineStarts, prefix, margin, anyLineIsSafe);
  // A line start in the shared end: the character before it is shared too, so the old text has a line start there as well.
  const last = safeLineAfter(starts, code.length - suffix + 1, margin, anyLineIsSafe);
  const shift = old.length - code.length;
  const oldLast = last === null ? -1 : previous.lineStarts.indexOf(starts[last]! + shift);
  if (last === null || oldLast === -1) {
    const tail = tokenizeLines(code.slice(starts[first]!), language);
    return { language, text: code, lineStarts: starts, lines: [...previous.lines.slice(0, first), ...tail] };
  }
  // The middle ends with a newline: its tokenization's empty last line is the kept line's start.
  const middle = tokenizeLines(code.slice(starts[first]!, starts[last]!), language).slice(0, last - first);
  const lines = [...previous.lines.slice(0, first), ...middle, ...previous.lines.slice(oldLast)];
  return { language, text: code, lineStarts: starts, lines };
}

/** tokenizeEdited with its last answer kept inside: one per edited file's view. A memo only. */
export function createEditedTokenizer(): { linesOf(code: string, language: string): Token[][] } {
  let previous: EditedTokens | null = null;
  return {
    linesOf(code, language) {
      previous = tokenizeEdited(code, language, previous);
      return previous.lines;
    },
  };
}
