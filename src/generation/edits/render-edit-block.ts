// The text form of an <edit> block (docs/architecture.md, "Model output"), as a model writes it:
// for tests, the benchmark and anything else that must produce what the parser reads. Pure.
import { DIVIDER_MARKER, markerLineKind, REPLACE_MARKER, SEARCH_MARKER } from '@/generation/file-blocks/file-block-edit-markers';
import type { EditHunk } from '@/generation/file-blocks/file-block-events';

/** Why `text` cannot be a section of a hunk, or null: whole lines only, and no line a marker. */
export function unwritableSectionText(text: string): string | null {
  if (text !== '' && !text.endsWith('\n')) return 'it does not end with a newline (sections are whole lines)';
  const lines = text.split('\n').slice(0, -1);
  const marker = lines.findIndex((line) => markerLineKind(line) !== null);
  return marker === -1 ? null : `its line ${marker + 1} (${JSON.stringify(lines[marker])}) would read as a marker`;
}

/** The block that file-block-parser.ts reads back as exactly `hunks`; throws for hunks it could not. */
export function renderEditBlock(path: string, hunks: readonly EditHunk[]): string {
  if (hunks.length === 0) throw new Error('renderEditBlock: an edit block needs at least one hunk');
  if (path.includes('"')) throw new Error(`renderEditBlock: the path ${path} holds a double quote, which would end the attribute`);
  const parts = [`<edit path="${path}">\n`];
  for (const [index, hunk] of hunks.entries()) {
    const problem = hunk.search === '' ? 'it is empty' : unwritableSectionText(hunk.search);
    if (problem) throw new Error(`renderEditBlock: hunk ${index + 1}'s SEARCH text cannot be written: ${problem}`);
    const replaceProblem = unwritableSectionText(hunk.replace);
    if (replaceProblem) throw new Error(`renderEditBlock: hunk ${index + 1}'s REPLACE text cannot be written: ${replaceProblem}`);
    parts.push(`${SEARCH_MARKER}\n${hunk.search}${DIVIDER_MARKER}\n${hunk.replace}${REPLACE_MARKER}\n`);
  }
  parts.push('</edit>\n');
  return parts.join('');
}
