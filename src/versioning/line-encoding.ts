// Line-level diffing on top of a character differ: each distinct line becomes one character, so
// fast-diff compares lines in O(lines) instead of O(chars). Shared by makeDiff and compareFileMaps.

/** Splits after every "\n"; each line keeps its terminator, so joining the lines gives the text back. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    lines.push(text.slice(start, end));
    start = end;
  }
  return lines;
}

// Codes skip the surrogate range: fast-diff treats surrogates as halves of one character and
// would move diff boundaries around them, breaking the one-character-per-line mapping.
const SURROGATE_START = 0xd800;
const SURROGATE_COUNT = 0x800;
export const MAX_DISTINCT_LINES = 0x10000 - SURROGATE_COUNT;

function codeFor(index: number): string {
  return String.fromCharCode(index < SURROGATE_START ? index : index + SURROGATE_COUNT);
}

/**
 * Encodes two line lists so that equal lines get equal characters: `old[i]` ↔ `oldCodes[i]`.
 * Returns null when the two texts hold more distinct lines than there are codes; callers then
 * fall back to treating the whole text as changed.
 */
export function encodeLines(oldLines: string[], newLines: string[]): { oldCodes: string; newCodes: string } | null {
  const codes = new Map<string, string>();
  const encode = (lines: string[]): string | null => {
    const out: string[] = [];
    for (const line of lines) {
      let code = codes.get(line);
      if (code === undefined) {
        if (codes.size === MAX_DISTINCT_LINES) return null;
        code = codeFor(codes.size);
        codes.set(line, code);
      }
      out.push(code);
    }
    return out.join('');
  };
  const oldCodes = encode(oldLines);
  const newCodes = oldCodes === null ? null : encode(newLines);
  return oldCodes === null || newCodes === null ? null : { oldCodes, newCodes };
}
