import { describe, expect, it } from 'vitest';
import type { Token } from 'prism-react-renderer';
import { tokenizeLines } from './chunked-tokens';
import { tokenizeEdited } from './edited-tokens';
import { openHunk, typeIntoHunk } from '@/workspace/stream/streamed-edit';

/** What a line shows, as chunked-tokens.test.ts compares it: zero-length tokens left out. */
function shown(lines: Token[][]) {
  return lines.map((line) => line.filter((token) => token.content !== '' || token.empty).map((token) => [token.types.join('.'), token.content]));
}

const typescript = Array.from(
  { length: 60 },
  (_, index) => `// Route ${index}: a comment\nexport function handler${index}(request: Request): string {\n  const name = \`item-\${${index}}\`;\n  return name + '${index}';\n}\n\n`,
).join('');

const json = JSON.stringify({ items: Array.from({ length: 120 }, (_, index) => ({ id: index, name: `Item ${index}`, tags: ['a', null] })) }, null, 2);

/**
 * Opens a hunk and types its replacement in 7-character chunks, checking every step against a whole
 * tokenization, or only the last one (`lastOnly`).
 */
function editThrough(base: string, language: string, startLine: number, deletedLines: number, replacement: string, lastOnly = false) {
  let tokens = tokenizeEdited(base, language, null);
  let edit = openHunk(base, startLine, deletedLines);
  const steps = [edit.content];
  for (let index = 0; index < replacement.length; index += 7) {
    edit = typeIntoHunk(edit.content, edit.cursor, edit.lines.from, replacement.slice(index, index + 7));
    steps.push(edit.content);
  }
  const first = tokens.lines[0];
  const end = tokens.lines.at(-2);
  steps.forEach((text, index) => {
    tokens = tokenizeEdited(text, language, tokens);
    if (!lastOnly || index === steps.length - 1) expect(shown(tokens.lines), `step ${index}`).toEqual(shown(tokenizeLines(text, language)));
  });
  return { tokens, kept: { first: tokens.lines[0] === first, end: tokens.lines.at(-2) === end } };
}

describe('tokenizeEdited', () => {
  it('matches a whole tokenization at every step of a hunk typed into TypeScript, keeping the lines far from it', () => {
    const replacement = '// a comment\nexport const added = 1;\n\nexport function more(): number {\n  return added + 1;\n}\n\n';
    const { kept } = editThrough(typescript, 'typescript', 200, 3, replacement);
    expect(kept).toEqual({ first: true, end: true });
  });

  it('keeps the far lines while a comment or template string is open, and matches once it is closed', () => {
    // Half-typed, a whole tokenization would turn the rest of the file into a comment, or pair the
    // open backtick with the next one in the file: the view would flash colours down the file.
    const replacement = '/* a block\n\ncomment */\nexport const added = `multi\n\nline ${1}`;\n\n';
    const { kept } = editThrough(typescript, 'typescript', 200, 3, replacement, true);
    expect(kept).toEqual({ first: true, end: true });
  });

  it('matches a whole tokenization for a hunk in JSON, near the start and at the end of the file', () => {
    editThrough(json, 'json', 30, 5, '    "note": "edited",\n    "count": 3,\n');
    editThrough(json, 'json', 2, 1, '    {"id": -1},\n');
    editThrough(typescript, 'typescript', 9999, 0, 'export const tail = 1;\n');
  });

  it('starts over for another language, and hands back the same answer for the same text', () => {
    const first = tokenizeEdited(typescript, 'typescript', null);
    expect(tokenizeEdited(typescript, 'typescript', first)).toBe(first);
    expect(shown(tokenizeEdited(typescript, 'plaintext', first).lines)).toEqual(shown(tokenizeLines(typescript, 'plaintext')));
  });
});
