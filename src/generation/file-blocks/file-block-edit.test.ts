import { describe, expect, it } from 'vitest';
import { createFileBlockParser, type ParsedBlockEvent } from './file-block-parser';
import { mergeChunks, parse, parseChunks } from './parser-test-helpers';

/** Each hunk's streamed chunks add up to its replace text, and edit:end lists the hunks. */
function expectChunksMatchHunks(events: ParsedBlockEvent[]): void {
  let streamed: string | null = null;
  const hunks: Array<{ search: string; replace: string }> = [];
  for (const event of events) {
    if (event.kind === 'edit:start') hunks.length = 0;
    if (event.kind === 'edit:search') streamed = '';
    if (event.kind === 'edit:chunk') streamed += event.text;
    if (event.kind === 'edit:hunk') {
      expect(streamed).toBe(event.replace);
      hunks.push({ search: event.search, replace: event.replace });
      streamed = null;
    }
    if (event.kind === 'edit:end') expect(event.hunks).toEqual(hunks);
  }
}

const TASKS_EDIT = [
  'I will add a priority.\n',
  '<edit path="src/models/tasks.ts">\n',
  '<<<<<<< SEARCH\n',
  '  title: string;\n',
  '=======\n',
  '  title: string;\n',
  '  priority: number; // </edit> in a line is content, and so is <file path="x">\n',
  '>>>>>>> REPLACE\n',
  '\n',
  '<<<<<<< SEARCH  \r\n',
  'export const old = 1;\n',
  '\n',
  '=======\n',
  '>>>>>>> REPLACE\n',
  '</edit>\n',
  '<summary>Tasks have a priority.</summary>\n',
].join('');

const TASKS_EVENTS: ParsedBlockEvent[] = [
  { kind: 'prose', text: 'I will add a priority.' },
  { kind: 'edit:start', path: 'src/models/tasks.ts' },
  { kind: 'edit:search', path: 'src/models/tasks.ts', search: '  title: string;\n' },
  {
    kind: 'edit:chunk',
    path: 'src/models/tasks.ts',
    text: '  title: string;\n  priority: number; // </edit> in a line is content, and so is <file path="x">\n',
  },
  {
    kind: 'edit:hunk',
    path: 'src/models/tasks.ts',
    search: '  title: string;\n',
    replace: '  title: string;\n  priority: number; // </edit> in a line is content, and so is <file path="x">\n',
  },
  { kind: 'edit:search', path: 'src/models/tasks.ts', search: 'export const old = 1;\n\n' },
  { kind: 'edit:hunk', path: 'src/models/tasks.ts', search: 'export const old = 1;\n\n', replace: '' },
  {
    kind: 'edit:end',
    path: 'src/models/tasks.ts',
    hunks: [
      {
        search: '  title: string;\n',
        replace: '  title: string;\n  priority: number; // </edit> in a line is content, and so is <file path="x">\n',
      },
      { search: 'export const old = 1;\n\n', replace: '' },
    ],
  },
  { kind: 'summary', text: 'Tasks have a priority.' },
];

describe('createFileBlockParser: edit blocks', () => {
  it('reads hunks: SEARCH once complete, REPLACE as it streams, then the whole edit', () => {
    const events = parseChunks([TASKS_EDIT]);
    expectChunksMatchHunks(events);
    expect(mergeChunks(events)).toEqual(TASKS_EVENTS);
  });

  it('gives the same events for every split point and char by char', () => {
    for (let split = 0; split <= TASKS_EDIT.length; split++) {
      const events = parseChunks([TASKS_EDIT.slice(0, split), TASKS_EDIT.slice(split)]);
      expectChunksMatchHunks(events);
      expect(mergeChunks(events), `split at ${split}`).toEqual(TASKS_EVENTS);
    }
    const events = parseChunks([...TASKS_EDIT]);
    expectChunksMatchHunks(events);
    expect(mergeChunks(events)).toEqual(TASKS_EVENTS);
  });

  it('streams REPLACE text at once, holding back only a line start that could be a marker', () => {
    const parser = createFileBlockParser();
    expect(parser.push('<edit path="a.ts">\n<<<<<<< SEARCH\nold\n=======\nnew li')).toEqual([
      { kind: 'edit:start', path: 'a.ts' },
      { kind: 'edit:search', path: 'a.ts', search: 'old\n' },
      { kind: 'edit:chunk', path: 'a.ts', text: 'new li' },
    ]);
    expect(parser.push('ne\n>>>>')).toEqual([{ kind: 'edit:chunk', path: 'a.ts', text: 'ne\n' }]);
    expect(parser.push('>> not a marker\n>>>>>>> REPLACE ')).toEqual([{ kind: 'edit:chunk', path: 'a.ts', text: '>>>>>> not a marker\n' }]);
    expect(parser.push('\r\n</edit>')).toEqual([
      { kind: 'edit:hunk', path: 'a.ts', search: 'old\n', replace: 'new line\n>>>>>> not a marker\n' },
      { kind: 'edit:end', path: 'a.ts', hunks: [{ search: 'old\n', replace: 'new line\n>>>>>> not a marker\n' }] },
    ]);
  });

  it('never ends a REPLACE chunk on half a character', () => {
    const text = '<edit path="a">\n<<<<<<< SEARCH\nx\n=======\n😀😀\n>>>>>>> REPLACE\n</edit>';
    for (let split = 0; split <= text.length; split++) {
      const events = parseChunks([text.slice(0, split), text.slice(split)]);
      for (const event of events) if (event.kind === 'edit:chunk') expect(event.text).not.toMatch(/[\ud800-\udbff]$/);
      expect(events.at(-1)).toEqual({ kind: 'edit:end', path: 'a', hunks: [{ search: 'x\n', replace: '😀😀\n' }] });
    }
  });

  it('keeps CRLF line ends in the sections and reads CRLF markers', () => {
    const events = parse('<edit path="a">\r\n<<<<<<< SEARCH\r\na\r\n=======\r\nb\r\n>>>>>>> REPLACE\r\n</edit>');
    expect(events.at(-1)).toEqual({ kind: 'edit:end', path: 'a', hunks: [{ search: 'a\r\n', replace: 'b\r\n' }] });
  });

  it('reads blocks of every kind in one answer; an edit inside a file is file content', () => {
    const fileContent = '<edit path="b.ts">\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n</edit>\n';
    const text = `<file path="a.ts">\n${fileContent}</file>\n<edit path="b.ts">\n<<<<<<< SEARCH\n1\n=======\n2\n>>>>>>> REPLACE\n</edit>\n<delete path="c.ts"/>`;
    expect(parse(text)).toEqual([
      { kind: 'file:start', path: 'a.ts' },
      { kind: 'file:chunk', path: 'a.ts', text: fileContent },
      { kind: 'file:end', path: 'a.ts', content: fileContent },
      { kind: 'edit:start', path: 'b.ts' },
      { kind: 'edit:search', path: 'b.ts', search: '1\n' },
      { kind: 'edit:chunk', path: 'b.ts', text: '2\n' },
      { kind: 'edit:hunk', path: 'b.ts', search: '1\n', replace: '2\n' },
      { kind: 'edit:end', path: 'b.ts', hunks: [{ search: '1\n', replace: '2\n' }] },
      { kind: 'delete', path: 'c.ts' },
    ]);
  });
});

describe('createFileBlockParser: malformed edit blocks', () => {
  const hunk = '<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n';

  it.each([
    ['text between hunks', `<edit path="a">\n${hunk}Now the second:\n${hunk}</edit>`, 'malformed edit block: line 7 is "Now the second:", where `<<<<<<< SEARCH` or `</edit>` was expected'],
    ['a REPLACE marker before the divider', '<edit path="a">\n<<<<<<< SEARCH\na\n>>>>>>> REPLACE\n</edit>', 'malformed edit block: line 4 is `>>>>>>> REPLACE` inside a SEARCH section, where `=======` was expected'],
    ['a second divider', '<edit path="a">\n<<<<<<< SEARCH\na\n=======\nb\n=======\n</edit>', 'malformed edit block: line 6 is `=======` inside a REPLACE section, where `>>>>>>> REPLACE` was expected'],
    ['a new hunk before REPLACE ends', `<edit path="a">\n<<<<<<< SEARCH\na\n=======\nb\n${hunk}</edit>`, 'malformed edit block: line 6 is `<<<<<<< SEARCH` inside a REPLACE section, where `>>>>>>> REPLACE` was expected'],
    ['an empty SEARCH', '<edit path="a">\n<<<<<<< SEARCH\n=======\nb\n>>>>>>> REPLACE\n</edit>', 'malformed edit block: line 3 ends an empty SEARCH section; to create a file, write it whole in a <file> block'],
    ['no hunks', '<edit path="a">\n\n</edit>', 'malformed edit block: it has no hunks'],
    ['a marker with text after it', '<edit path="a">\n<<<<<<< SEARCH here\na\n</edit>', 'malformed edit block: line 2 is "<<<<<<< SEARCH here", where `<<<<<<< SEARCH` or `</edit>` was expected'],
  ])('rejects %s, naming the line, and swallows the rest of the block', (_name, block, reason) => {
    const events = parse(`${block}\n<summary>s</summary>`);
    expect(events.filter((event) => event.kind === 'file:rejected')).toEqual([{ kind: 'file:rejected', path: 'a', reason }]);
    expect(events.filter((event) => event.kind === 'edit:end' || event.kind === 'edit:truncated' || event.kind === 'prose')).toEqual([]);
    expect(events.at(-1)).toEqual({ kind: 'summary', text: 's' });
  });

  it('rejects a self-closing edit tag', () => {
    expect(parse('<edit path="a.ts"/>')).toEqual([{ kind: 'file:rejected', path: 'a.ts', reason: 'malformed edit block: it has no hunks' }]);
  });

  it('ends the block at an `</edit>` line inside a hunk, so the blocks after it still count', () => {
    const events = parse(`<edit path="a">\n${hunk}<<<<<<< SEARCH\nx\n</edit>\n<delete path="d"/>`);
    expect(events.slice(-2)).toEqual([
      { kind: 'file:rejected', path: 'a', reason: 'malformed edit block: line 9 is `</edit>` inside a SEARCH section, where `=======` was expected' },
      { kind: 'delete', path: 'd' },
    ]);
  });

  it('quotes at most 60 characters of a long unexpected line, however it was split', () => {
    const text = `<edit path="a">\n${'x'.repeat(100)}\n</edit>`;
    const reason = `malformed edit block: line 2 is "${'x'.repeat(60)}"…, where \`<<<<<<< SEARCH\` or \`</edit>\` was expected`;
    for (let split = 0; split <= text.length; split += 7) {
      expect(parseChunks([text.slice(0, split), text.slice(split)])).toEqual([
        { kind: 'edit:start', path: 'a' },
        { kind: 'file:rejected', path: 'a', reason },
      ]);
    }
  });
});

describe('createFileBlockParser: edit paths, limits and cut-off output', () => {
  it.each(['/etc/passwd', '../up.ts', 'node_modules/x.js'])('rejects the unsafe path %j and reads the block silently to its end', (path) => {
    const events = parse(`<edit path="${path}">\n<<<<<<< SEARCH\n</edit> is content here\n=======\n>>>>>>> REPLACE\n</edit>\n<delete path="d"/>`);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ kind: 'file:rejected', path });
    expect(events[1]).toEqual({ kind: 'delete', path: 'd' });
  });

  it('rejects an edit block without a path', () => {
    expect(parse('<edit>\n</edit>')).toEqual([{ kind: 'file:rejected', path: '', reason: 'the edit block has no path attribute' }]);
  });

  it('counts edited paths towards maxFiles with written ones', () => {
    const edit = (path: string) => `<edit path="${path}">\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n</edit>`;
    const events = parse(`<file path="a">1</file>${edit('a')}${edit('b')}${edit('c')}`, { maxFiles: 2 });
    expect(events.filter((event) => event.kind === 'edit:end').map((event) => event.path)).toEqual(['a', 'b']);
    expect(events.at(-1)).toEqual({ kind: 'file:rejected', path: 'c', reason: 'too many files: at most 2 per version' });
  });

  it('rejects an edit whose SEARCH and REPLACE text together pass maxFileBytes', () => {
    const edit = '<edit path="a">\n<<<<<<< SEARCH\n12345\n=======\n67890\n>>>>>>> REPLACE\n</edit><delete path="d"/>';
    expect(parse(edit, { maxFileBytes: 12 }).at(-2)).toMatchObject({ kind: 'edit:end' });
    const events = parse(edit, { maxFileBytes: 11 });
    expect(events.slice(-2)).toEqual([
      { kind: 'file:rejected', path: 'a', reason: 'the edit is larger than 11 bytes' },
      { kind: 'delete', path: 'd' },
    ]);
  });

  it.each([
    ['in a REPLACE section', '<edit path="a">\n<<<<<<< SEARCH\na\n=======\nb\n'],
    ['on the REPLACE marker without its newline', '<edit path="a">\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE'],
    ['after a whole hunk', '<edit path="a">\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n</ed'],
    ['right after the opening tag', '<edit path="a">'],
  ])('reports an edit cut off %s as truncated, never as finished', (_name, text) => {
    const events = parse(text);
    expect(events.at(-1)).toEqual({ kind: 'edit:truncated', path: 'a' });
    expect(events.filter((event) => event.kind === 'edit:end')).toEqual([]);
  });
});
