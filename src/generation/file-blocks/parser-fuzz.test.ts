// The file-block parser fed what a model might really send: arbitrary text, tag soup made of the
// format's own pieces, unsafe paths, cut into arbitrary chunks. It must never throw, never let an
// unsafe path through, and mean the same thing however the text was split.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFileBlockParser, type FileBlockParserOptions, type ParsedBlockEvent } from './file-block-parser';
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

function parseChunks(chunks: string[], options: FileBlockParserOptions): ParsedBlockEvent[] {
  const parser = createFileBlockParser(options);
  return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
}

/**
 * What a run means, whatever the chunking: consecutive chunks of one file as one, and no chunks for
 * a file rejected for its size. (How much of such a file streamed before it crossed the limit does
 * depend on the chunking; the rejection does not.)
 */
function meaningOf(events: ParsedBlockEvent[]): ParsedBlockEvent[] {
  const meaning: ParsedBlockEvent[] = [];
  for (const event of events) {
    const previous = meaning.at(-1);
    if (event.kind === 'file:chunk' && previous?.kind === 'file:chunk' && previous.path === event.path) {
      meaning[meaning.length - 1] = { ...previous, text: previous.text + event.text };
    } else if (event.kind === 'file:rejected' && previous?.kind === 'file:chunk' && previous.path === event.path) {
      meaning[meaning.length - 1] = event;
    } else {
      meaning.push(event);
    }
  }
  return meaning;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Everything the parser promises about one run's events. */
function expectSafeAndConsistent(events: ParsedBlockEvent[], options: FileBlockParserOptions): void {
  let open: { path: string; streamed: string } | null = null;
  const started = new Set<string>();
  for (const event of events) {
    if (event.kind === 'file:start' || event.kind === 'file:chunk' || event.kind === 'file:end' || event.kind === 'file:truncated' || event.kind === 'delete') {
      // Safe, and already in the spelling checkSafePath gives: nothing downstream re-checks it.
      expect(checkSafePath(event.path), `${event.kind} ${JSON.stringify(event.path)}`).toEqual({ ok: true, path: event.path });
    }
    if (event.kind === 'plan') for (const entry of event.entries) expect(checkSafePath(entry.path)).toEqual({ ok: true, path: entry.path });
    switch (event.kind) {
      case 'file:start':
        expect(open).toBeNull();
        open = { path: event.path, streamed: '' };
        started.add(event.path);
        break;
      case 'file:chunk':
        expect(open?.path).toBe(event.path);
        open!.streamed += event.text;
        break;
      case 'file:end':
      case 'file:truncated':
        expect(open?.path).toBe(event.path);
        expect(event.content).toBe(open!.streamed);
        if (options.maxFileBytes !== undefined) expect(utf8Length(event.content)).toBeLessThanOrEqual(options.maxFileBytes);
        open = null;
        break;
      case 'file:rejected':
        // A size rejection ends the open block; a path rejection opens none.
        if (open?.path === event.path) open = null;
        break;
    }
  }
  expect(open).toBeNull();
  if (options.maxFiles !== undefined) expect(started.size).toBeLessThanOrEqual(options.maxFiles);
}

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
