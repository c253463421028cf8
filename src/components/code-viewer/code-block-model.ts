// How the code view splits a file into blocks, and which blocks it draws with syntax colours. Pure.
import type { Token } from 'prism-react-renderer';

/** Lines per block: small enough that re-rendering the last one is cheap, large enough to keep blocks few. */
export const LINES_PER_BLOCK = 64;

/**
 * The text a block shows, exactly as its highlighted lines would show it: a block far from the
 * viewport is drawn as this one text node, so a long file costs a few nodes instead of tens of
 * thousands (each of which the browser must lay out, and tear down when the file is closed).
 */
export function plainTextOfLines(lines: readonly Token[][], endsFile: boolean): string {
  const text = lines.map((tokens) => tokens.map((token) => (token.empty ? '' : token.content)).join('')).join('\n');
  return endsFile ? text : `${text}\n`;
}

/**
 * Cuts lines into blocks of LINES_PER_BLOCK and hands back the previous call's array for a block
 * whose lines are all the same ones: while a file streams only its last block changes, so a typing
 * step in a long file copies one block, not the whole file, and CodeBlock's memo sees the others
 * unchanged at a glance. A memo only: any call gives the blocks of exactly the lines it is given.
 */
export function createBlockSplitter(): { blocksOf(lines: readonly Token[][]): Token[][][] } {
  let previous: Token[][][] = [];
  return {
    blocksOf(lines) {
      const blocks: Token[][][] = [];
      for (let first = 0; first < lines.length; first += LINES_PER_BLOCK) {
        const end = Math.min(first + LINES_PER_BLOCK, lines.length);
        const prior = previous[blocks.length];
        const same = prior !== undefined && prior.length === end - first && prior.every((line, index) => line === lines[first + index]);
        blocks.push(same ? prior : lines.slice(first, end));
      }
      previous = blocks;
      return blocks;
    },
  };
}

/**
 * The blocks drawn in colour before anything was measured: a file opens at its top. One block, so
 * opening a long file (or joining a stream part-way through one) draws a single block of tokens in
 * its first frame; the rest come in one per frame (`stepTowardNear`).
 */
export const INITIAL_NEAR_BLOCKS: ReadonlySet<number> = new Set([0]);

/** The near set after some blocks came near or went away; the same set when nothing changed. */
export function withNearChanges(near: ReadonlySet<number>, changes: ReadonlyArray<{ index: number; near: boolean }>): ReadonlySet<number> {
  const changed = changes.filter((change) => near.has(change.index) !== change.near);
  if (changed.length === 0) return near;
  const next = new Set(near);
  for (const change of changed) {
    if (change.near) next.add(change.index);
    else next.delete(change.index);
  }
  return next;
}

/**
 * One step from the blocks drawn in colour (`drawn`) toward the blocks near the viewport (`near`):
 * blocks that went away turn plain at once (one text node each, cheap), but at most one block comes
 * near per step, the last in the file first (a streaming file is followed at its end). A block in
 * colour is hundreds of nodes; a jump across a long file brought three of them in one frame.
 * Gives back `drawn` itself when it already matches.
 */
export function stepTowardNear(drawn: ReadonlySet<number>, near: ReadonlySet<number>): ReadonlySet<number> {
  const gone = [...drawn].filter((index) => !near.has(index));
  const coming = [...near].filter((index) => !drawn.has(index));
  if (gone.length === 0 && coming.length === 0) return drawn;
  const next = new Set(drawn);
  for (const index of gone) next.delete(index);
  if (coming.length > 0) next.add(Math.max(...coming));
  return next;
}
