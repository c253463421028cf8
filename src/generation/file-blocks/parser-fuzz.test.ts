// The file-block parser fed what a model might really send: arbitrary text, tag soup made of the
// format's own pieces, unsafe paths, cut into arbitrary chunks. It must never throw, never let an
// unsafe path through, and mean the same thing however the text was split.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EditHunk, FileBlockParserOptions, ParsedBlockEvent } from './file-block-parser';
import { parseChunks } from './parser-test-helpers';
import { markerLineKind } from './file-block-edit-markers';
import { renderEditBlock } from '@/generation/edits/render-edit-block';
import { checkSafePath } from '@/shared/safe-path';

/** Paths a model has been seen to write, or could: fine ones, escapes, and odd spellings. */
const pathPiece = fc.oneof(
  fc.constantFrom(
    'src/index.ts',
    'package.json',
    './src/a.ts',
    '../etc/passwd',
    'src/../../x',
    '/etc/passwd',
    'C:/Windows/x',
    'C:x',
    './C:',
    './~',
    '~/.ssh/id_rsa',
    'src\\win.ts',
    'node_modules/x/index.js',
    '.git/config',
    'a//b',
    'a/./b',
    ' padded.ts',
    'tab\there',
    'nul\u0000byte',
    'x'.repeat(201),
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 16 }),
  fc.array(fc.constantFrom('src', '..', '.', '', 'a.ts', '~', 'C:'), { minLength: 1, maxLength: 4 }).map((segments) => segments.join('/')),
);

/** The format's pieces, whole and broken, plus text that is no part of it. */
const formatPiece = fc.oneof(
  pathPiece.map((path) => `<file path="${path}">`),
  pathPiece.map((path) => `<file path='${path}'/>`),
  pathPiece.map((path) => `<delete path="${path}"/>`),
  pathPiece.map((path) => `<delete path="${path}"></delete>`),
  pathPiece.map((path) => `<plan title="t">${path} create; ${path} delete</plan>`),
  pathPiece.map((path) => `<edit path="${path}">\n`),
  pathPiece.map((path) => `<edit path='${path}'/>`),
  fc.constantFrom(
    '<<<<<<< SEARCH\n',
    '<<<<<<< SEARCH \r\n',
    '=======\n',
    '>>>>>>> REPLACE\n',
    '>>>>>>> REPLACE',
    '</edit>',
    '</edit>\n',
    '<<<<<<<',
    '>>>>>>> REP',
    '==',
    '<edit path="src/a.ts">\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n</edit>\n',
  ),
  fc.constantFrom(
    '</file>',
    '</fil',
    '<file',
    '<file path=',
    '<file>',
    '<files>',
    '<plan title="x">',
    '</plan>',
    '<summary>',
    '</summary>',
    '</delete>',
    '<delete path="a.ts">',
    '">',
    '"',
    "'",
    '>',
    '<',
    '/>',
    '\n',
    '\r\n',
    '```xml\n',
    '```\n',
    '\ud83d',
    '\ude00',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const tagSoup = fc.array(formatPiece, { maxLength: 40 }).map((pieces) => pieces.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }));

/** Limits small enough that fuzzing reaches them. */
const parserOptions = fc.record({ maxFiles: fc.integer({ min: 1, max: 4 }), maxFileBytes: fc.integer({ min: 1, max: 64 }) }, { requiredKeys: [] });

/** `text` cut at the given offsets; a cut may fall anywhere, inside a tag or a surrogate pair. */
function cutAt(text: string, offsets: number[]): string[] {
  const cuts = [...new Set(offsets.map((offset) => offset % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    chunks.push(text.slice(start, cut));
    start = cut;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/**
 * What a run means, whatever the chunking: consecutive chunks of one block as one, and no chunks
 * for a block rejected for its size. (How much of such a block streamed before it crossed the limit
 * does depend on the chunking; the rejection does not.)
 */
function meaningOf(events: ParsedBlockEvent[]): ParsedBlockEvent[] {
  const meaning: ParsedBlockEvent[] = [];
  for (const event of events) {
    const previous = meaning.at(-1);
    if (event.kind === 'file:chunk' && previous?.kind === 'file:chunk' && previous.path === event.path) {
      meaning[meaning.length - 1] = { ...previous, text: previous.text + event.text };
    } else if (event.kind === 'edit:chunk' && previous?.kind === 'edit:chunk' && previous.path === event.path) {
      meaning[meaning.length - 1] = { ...previous, text: previous.text + event.text };
    } else if (event.kind === 'file:rejected' && (previous?.kind === 'file:chunk' || previous?.kind === 'edit:chunk') && previous.path === event.path) {
      meaning[meaning.length - 1] = event;
    } else {
      meaning.push(event);
    }
  }
  return meaning;
}

/**
 * UTF-8 size as the limit means it. A lone surrogate (fuzzed text has them) is half a 4-byte
 * character to the parser, 2 bytes, where TextEncoder would write a 3-byte replacement character.
 */
const LONE_SURROGATE = /\p{Cs}/gu;
const utf8Length = (text: string) => new TextEncoder().encode(text.replace(LONE_SURROGATE, '')).length + 2 * (text.match(LONE_SURROGATE)?.length ?? 0);

/** The block being read: a file and what streamed of it, or an edit, its hunks and the open one's REPLACE so far. */
type OpenBlock =
  | { kind: 'file'; path: string; streamed: string }
  | { kind: 'edit'; path: string; hunks: EditHunk[]; search: string | null; streamed: string };

const PATH_EVENTS = new Set<ParsedBlockEvent['kind']>([
  'file:start', 'file:chunk', 'file:end', 'file:truncated', 'delete',
  'edit:start', 'edit:search', 'edit:chunk', 'edit:hunk', 'edit:end', 'edit:truncated',
]);

/** Everything the parser promises about one run's events. */
function expectSafeAndConsistent(events: ParsedBlockEvent[], options: FileBlockParserOptions): void {
  let open: OpenBlock | null = null;
  const started = new Set<string>();
  const openEdit = (path: string) => {
    expect(open?.kind === 'edit' && open.path === path, `an edit of ${path} is open`).toBe(true);
    return open as Extract<OpenBlock, { kind: 'edit' }>;
  };
  for (const event of events) {
    if (PATH_EVENTS.has(event.kind) && 'path' in event) {
      // Safe, and already in the spelling checkSafePath gives: nothing downstream re-checks it.
      expect(checkSafePath(event.path), `${event.kind} ${JSON.stringify(event.path)}`).toEqual({ ok: true, path: event.path });
    }
    if (event.kind === 'plan') for (const entry of event.entries) expect(checkSafePath(entry.path)).toEqual({ ok: true, path: entry.path });
    switch (event.kind) {
      case 'file:start':
      case 'edit:start':
        expect(open).toBeNull();
        open = event.kind === 'file:start' ? { kind: 'file', path: event.path, streamed: '' } : { kind: 'edit', path: event.path, hunks: [], search: null, streamed: '' };
        started.add(event.path);
        break;
      case 'file:chunk':
        expect(open?.kind === 'file' && open.path === event.path).toBe(true);
        open!.streamed += event.text;
        break;
      case 'file:end':
      case 'file:truncated':
        expect(open?.kind === 'file' && open.path === event.path).toBe(true);
        expect(event.content).toBe(open!.streamed);
        if (options.maxFileBytes !== undefined) expect(utf8Length(event.content)).toBeLessThanOrEqual(options.maxFileBytes);
        open = null;
        break;
      case 'edit:search': {
        const edit = openEdit(event.path);
        expect(edit.search).toBeNull();
        expect(event.search).not.toBe('');
        edit.search = event.search;
        edit.streamed = '';
        break;
      }
      case 'edit:chunk':
        expect(openEdit(event.path).search).not.toBeNull();
        openEdit(event.path).streamed += event.text;
        break;
      case 'edit:hunk': {
        const edit = openEdit(event.path);
        // The REPLACE text streamed is exactly the hunk's, and sections are whole lines.
        expect(event).toEqual({ kind: 'edit:hunk', path: edit.path, search: edit.search, replace: edit.streamed });
        for (const section of [event.search, event.replace]) {
          if (section !== '') expect(section.endsWith('\n')).toBe(true);
          for (const line of section.split('\n').slice(0, -1)) expect(markerLineKind(line)).toBeNull();
        }
        edit.hunks.push({ search: event.search, replace: event.replace });
        edit.search = null;
        break;
      }
      case 'edit:end': {
        const edit = openEdit(event.path);
        expect(edit.search).toBeNull();
        expect(event.hunks).toEqual(edit.hunks);
        expect(event.hunks.length).toBeGreaterThan(0);
        const bytes = event.hunks.reduce((sum, hunk) => sum + utf8Length(hunk.search) + utf8Length(hunk.replace), 0);
        if (options.maxFileBytes !== undefined) expect(bytes).toBeLessThanOrEqual(options.maxFileBytes);
        open = null;
        break;
      }
      case 'edit:truncated':
        openEdit(event.path);
        open = null;
        break;
      case 'file:rejected':
        // A size or malformed-edit rejection ends the open block; a path rejection opens none.
        if (open?.path === event.path) open = null;
        break;
    }
  }
  expect(open).toBeNull();
  if (options.maxFiles !== undefined) expect(started.size).toBeLessThanOrEqual(options.maxFiles);
}

/** A line of a file as a model might write it in a hunk: anything but a marker line. */
const hunkLine = fc
  .oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('', '  ', '=======x', '>>>>>>> REPLACED', '<<<<<<<', '</edit> x', 'x </edit>', '\r', '😀'))
  .map((line) => line.replaceAll('\n', ''))
  .filter((line) => markerLineKind(line) === null);
const section = fc.array(hunkLine, { maxLength: 4 }).map((lines) => lines.map((line) => `${line}\n`).join(''));
const hunkArbitrary = fc.record({ search: section.filter((text) => text !== ''), replace: section });

describe('file-block parser under fuzzing', () => {
  it.each([
    ['arbitrary text', anyText],
    ['tag soup built from the format', tagSoup],
  ])('%s: never throws, never passes an unsafe path, and any chunking means the same', (_name, text) => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 30 }), parserOptions, (input, offsets, options) => {
        const whole = parseChunks([input], options);
        const chunked = parseChunks(cutAt(input, offsets), options);
        expectSafeAndConsistent(chunked, options);
        expect(meaningOf(chunked)).toEqual(meaningOf(whole));
      }),
      { numRuns: 1000 },
    );
  });

  it('edit blocks of any hunks, cut anywhere: the parsed hunks are those written, and REPLACE chunks add up exactly', () => {
    fc.assert(
      fc.property(fc.array(hunkArbitrary, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 30 }), (hunks, offsets) => {
        const text = `Editing.\n${renderEditBlock('src/a.ts', hunks)}<summary>done</summary>`;
        const events = parseChunks(cutAt(text, offsets), {});
        expectSafeAndConsistent(events, {});
        expect(events.filter((event) => event.kind === 'edit:end')).toEqual([{ kind: 'edit:end', path: 'src/a.ts', hunks }]);
        expect(meaningOf(events)).toEqual(meaningOf(parseChunks([...text], {})));
      }),
      { numRuns: 500 },
    );
  });

  it('every file block with a fuzzed path: emitted only when checkSafePath accepts it as written', () => {
    // A `"` would end the attribute early; the tag soup above covers that.
    const quotablePath = pathPiece.filter((path) => !path.includes('"'));
    fc.assert(
      fc.property(quotablePath, fc.string({ maxLength: 40 }), (path, content) => {
        const events = parseChunks([`<file path="${path}">\n${content.replaceAll('</file>', '')}</file>`], {});
        const safe = checkSafePath(path);
        const start = events.find((event) => event.kind === 'file:start');
        if (!safe.ok) expect(start).toBeUndefined();
        else expect(start).toEqual({ kind: 'file:start', path: safe.path });
      }),
      { numRuns: 500 },
    );
  });

  it.each(['./C:', './C:x', './~', './ padded.ts'])('a leading ./ does not smuggle %j past the path rules', (path) => {
    const events = parseChunks([`<file path="${path}">x</file><delete path="${path}"/>`], {});
    expect(events.filter((event) => event.kind === 'file:rejected')).toHaveLength(2);
    expect(events.filter((event) => event.kind === 'file:start' || event.kind === 'delete')).toEqual([]);
  });
});
