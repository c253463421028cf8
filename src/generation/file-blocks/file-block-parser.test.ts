import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFileBlockParser, type ParsedBlockEvent } from './file-block-parser';
import { mergeChunks, parse, parseChunks } from './parser-test-helpers';

/** Asserts that each file's chunks add up to its end (or truncated) content. */
function expectChunksMatchContent(events: ParsedBlockEvent[]): void {
  const streamed = new Map<string, string>();
  for (const event of events) {
    if (event.kind === 'file:start') streamed.set(event.path, '');
    if (event.kind === 'file:chunk') streamed.set(event.path, (streamed.get(event.path) ?? '') + event.text);
    if (event.kind === 'file:end' || event.kind === 'file:truncated') expect(streamed.get(event.path)).toBe(event.content);
  }
}

const SAMPLE = [
  'Sure! Here is the change.\n',
  '```xml\n',
  '<plan title="Add JWT auth">src/middleware/auth.ts create; src/index.ts modify; src/old.ts delete</plan>\n',
  '<file path="src/middleware/auth.ts">\n',
  'export const secret = "</fil" + "e>"; // looks like a closing tag, is not\n',
  'if (a < b && c <file) {}\n',
  '```ts\nfenced inside a file is content\n```\n',
  '</file>\n',
  'Some words between blocks.\n',
  "<file path='src/index.ts'>\nimport './middleware/auth';\n</file>\n",
  '<delete path="src/old.ts"/>\n',
  '<summary>Added JWT auth.\nThe old helper is gone.</summary>\n',
  '```\n',
].join('');

const SAMPLE_EVENTS: ParsedBlockEvent[] = [
  { kind: 'prose', text: 'Sure! Here is the change.' },
  {
    kind: 'plan',
    title: 'Add JWT auth',
    entries: [
      { path: 'src/middleware/auth.ts', action: 'create' },
      { path: 'src/index.ts', action: 'modify' },
      { path: 'src/old.ts', action: 'delete' },
    ],
    text: 'src/middleware/auth.ts create; src/index.ts modify; src/old.ts delete',
  },
  { kind: 'file:start', path: 'src/middleware/auth.ts' },
  {
    kind: 'file:chunk',
    path: 'src/middleware/auth.ts',
    text:
      'export const secret = "</fil" + "e>"; // looks like a closing tag, is not\n' +
      'if (a < b && c <file) {}\n```ts\nfenced inside a file is content\n```\n',
  },
  {
    kind: 'file:end',
    path: 'src/middleware/auth.ts',
    content:
      'export const secret = "</fil" + "e>"; // looks like a closing tag, is not\n' +
      'if (a < b && c <file) {}\n```ts\nfenced inside a file is content\n```\n',
  },
  { kind: 'prose', text: 'Some words between blocks.' },
  { kind: 'file:start', path: 'src/index.ts' },
  { kind: 'file:chunk', path: 'src/index.ts', text: "import './middleware/auth';\n" },
  { kind: 'file:end', path: 'src/index.ts', content: "import './middleware/auth';\n" },
  { kind: 'delete', path: 'src/old.ts' },
  { kind: 'summary', text: 'Added JWT auth.\nThe old helper is gone.' },
];

describe('createFileBlockParser: chunk boundaries', () => {
  it('parses the sample output in one chunk', () => {
    expect(parse(SAMPLE)).toEqual(SAMPLE_EVENTS);
  });

  it('gives the same events for every single split point', () => {
    for (let split = 0; split <= SAMPLE.length; split++) {
      const events = parseChunks([SAMPLE.slice(0, split), SAMPLE.slice(split)]);
      expectChunksMatchContent(events);
      expect(mergeChunks(events), `split at ${split}`).toEqual(SAMPLE_EVENTS);
    }
  });

  it('gives the same events char by char', () => {
    const events = parseChunks([...SAMPLE]);
    expectChunksMatchContent(events);
    expect(mergeChunks(events)).toEqual(SAMPLE_EVENTS);
  });

  it('gives the same events for any chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: SAMPLE.length }), { maxLength: 40 }), (cuts) => {
        const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), SAMPLE.length];
        const chunks = points.slice(1).map((point, index) => SAMPLE.slice(points[index], point));
        const events = parseChunks(chunks);
        expectChunksMatchContent(events);
        expect(mergeChunks(events)).toEqual(SAMPLE_EVENTS);
      }),
    );
  });

  it('holds back only what could start </file>', () => {
    const parser = createFileBlockParser();
    expect(parser.push('<file path="a.ts">\nconst x = 1;</fi')).toEqual([
      { kind: 'file:start', path: 'a.ts' },
      { kind: 'file:chunk', path: 'a.ts', text: 'const x = 1;' },
    ]);
    expect(parser.push('x')).toEqual([{ kind: 'file:chunk', path: 'a.ts', text: '</fix' }]);
    expect(parser.push('\n<')).toEqual([{ kind: 'file:chunk', path: 'a.ts', text: '\n' }]);
    expect(parser.push('/file>')).toEqual([{ kind: 'file:end', path: 'a.ts', content: 'const x = 1;</fix\n' }]);
  });

  it('never splits a surrogate pair between chunks', () => {
    const text = '<file path="a.txt">😀😀</file>';
    for (let split = 0; split <= text.length; split++) {
      const events = parseChunks([text.slice(0, split), text.slice(split)]);
      for (const event of events) {
        if (event.kind === 'file:chunk') expect(event.text).not.toMatch(/[\ud800-\udbff]$/);
      }
      expect(events.at(-1)).toEqual({ kind: 'file:end', path: 'a.txt', content: '😀😀' });
    }
  });
});

describe('createFileBlockParser: file content', () => {
  it.each([
    ['\ncode\n', 'code\n'],
    ['code', 'code'],
    ['\r\ncode\r\n', 'code\r\n'],
    ['\n\ncode\n\n', '\ncode\n\n'],
    ['\n', ''],
    ['', ''],
    ['  indented\n', '  indented\n'],
  ])('block body %j is the file %j', (body, content) => {
    expect(parse(`<file path="a">${body}</file>`).at(-1)).toEqual({ kind: 'file:end', path: 'a', content });
  });

  it('reads a self-closing file tag as an empty file', () => {
    expect(parse('<file path="empty.txt"/>')).toEqual([
      { kind: 'file:start', path: 'empty.txt' },
      { kind: 'file:end', path: 'empty.txt', content: '' },
    ]);
  });

  it('strips a leading ./ from file and delete paths', () => {
    expect(parse('<file path="./a.ts">x</file><delete path="./b.ts"/>')).toEqual([
      { kind: 'file:start', path: 'a.ts' },
      { kind: 'file:chunk', path: 'a.ts', text: 'x' },
      { kind: 'file:end', path: 'a.ts', content: 'x' },
      { kind: 'delete', path: 'b.ts' },
    ]);
  });

  it('reads a quoted > inside an attribute as part of the value', () => {
    expect(parse('<plan title="a > b">x.ts create</plan>')[0]).toMatchObject({ kind: 'plan', title: 'a > b' });
  });

  it('emits both blocks when a path repeats; the later one is the file', () => {
    const ends = parse('<file path="a">one</file><file path="a">two</file>').filter((event) => event.kind === 'file:end');
    expect(ends).toEqual([
      { kind: 'file:end', path: 'a', content: 'one' },
      { kind: 'file:end', path: 'a', content: 'two' },
    ]);
  });
});

describe('createFileBlockParser: text outside blocks', () => {
  it('reports prose before, between and after blocks, trimmed', () => {
    const events = parse('Intro.\n<delete path="a"/>\n  middle  \n<delete path="b"/>\nOutro.\n');
    expect(events).toEqual([
      { kind: 'prose', text: 'Intro.' },
      { kind: 'delete', path: 'a' },
      { kind: 'prose', text: 'middle' },
      { kind: 'delete', path: 'b' },
      { kind: 'prose', text: 'Outro.' },
    ]);
  });

  it('keeps < that opens no block of ours as prose', () => {
    expect(parse('if a < b then <files> and <plans/> are <b>text</b>')).toEqual([
      { kind: 'prose', text: 'if a < b then <files> and <plans/> are <b>text</b>' },
    ]);
  });

  it('drops Markdown fences around blocks and emits no whitespace-only prose', () => {
    expect(parse('```xml\n<summary>Done.</summary>\n```\n\n')).toEqual([{ kind: 'summary', text: 'Done.' }]);
    expect(parse('~~~\n<delete path="a"/>\n~~~')).toEqual([{ kind: 'delete', path: 'a' }]);
  });

  it('swallows a </delete> after a non-self-closing delete tag', () => {
    expect(parse('<delete path="a"></delete>')).toEqual([{ kind: 'delete', path: 'a' }]);
  });

  it('reports an unfinished tag at the end as prose', () => {
    expect(parse('Done. <file path="a.ts"')).toEqual([{ kind: 'prose', text: 'Done. <file path="a.ts"' }]);
  });

  it('treats an over-long would-be tag as prose instead of waiting for ever', () => {
    const parser = createFileBlockParser();
    expect(parser.push(`<file path="${'a'.repeat(2000)}`)).toEqual([]);
    expect(parser.push('<summary>ok</summary>')).toEqual([
      { kind: 'prose', text: `<file path="${'a'.repeat(2000)}` },
      { kind: 'summary', text: 'ok' },
    ]);
  });
});

describe('createFileBlockParser: plan', () => {
  it('reads entries in the forms models write', () => {
    const plan = parse(
      '<plan title="Shop">\n- `src/a.ts` (create)\n* src/b.ts: modified\nupdate src/c.ts\nsrc/d.ts remove; src/e.ts; /etc/x create</plan>',
    )[0];
    expect(plan).toEqual({
      kind: 'plan',
      title: 'Shop',
      entries: [
        { path: 'src/a.ts', action: 'create' },
        { path: 'src/b.ts', action: 'modify' },
        { path: 'src/c.ts', action: 'modify' },
        { path: 'src/d.ts', action: 'delete' },
      ],
      text: '- `src/a.ts` (create)\n* src/b.ts: modified\nupdate src/c.ts\nsrc/d.ts remove; src/e.ts; /etc/x create',
    });
  });

  it('reads words that are Object.prototype keys as paths, not actions', () => {
    expect(parse('<plan>constructor create; toString modify</plan>')[0]).toMatchObject({
      entries: [
        { path: 'constructor', action: 'create' },
        { path: 'toString', action: 'modify' },
      ],
    });
  });

  it('reads a plan without a title', () => {
    expect(parse('<plan>a.ts create</plan>')).toEqual([
      { kind: 'plan', title: '', entries: [{ path: 'a.ts', action: 'create' }], text: 'a.ts create' },
    ]);
  });
});

describe('createFileBlockParser: unsafe paths', () => {
  it.each(['/etc/passwd', '../up.ts', 'src\\win.ts', 'node_modules/x.js', 'a//b'])('rejects %j and swallows its content', (path) => {
    const events = parse(`<file path="${path}">secret\n</file><summary>s</summary>`);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ kind: 'file:rejected', path });
    expect(events[1]).toEqual({ kind: 'summary', text: 's' });
  });

  it('rejects a file block without a path', () => {
    expect(parse('<file name="a.ts">x</file>')).toEqual([
      { kind: 'file:rejected', path: '', reason: 'the file block has no path attribute' },
    ]);
  });

  it('rejects an unsafe delete', () => {
    expect(parse('<delete path="/etc/passwd"/>')).toEqual([
      { kind: 'file:rejected', path: '/etc/passwd', reason: 'cannot delete: absolute paths are not allowed: /etc/passwd' },
    ]);
  });
});

describe('createFileBlockParser: limits', () => {
  it('rejects files past maxFiles; a repeated path counts once', () => {
    const events = parse('<file path="a">1</file><file path="b">2</file><file path="a">3</file><file path="c">4</file>', {
      maxFiles: 2,
    });
    expect(events.filter((event) => event.kind === 'file:end').map((event) => event.path)).toEqual(['a', 'b', 'a']);
    expect(events.at(-1)).toEqual({ kind: 'file:rejected', path: 'c', reason: 'too many files: at most 2 per version' });
  });

  it('rejects a file growing past maxFileBytes and stops its chunks', () => {
    const parser = createFileBlockParser({ maxFileBytes: 10 });
    expect(mergeChunks(parser.push('<file path="big.txt">12345678'))).toEqual([
      { kind: 'file:start', path: 'big.txt' },
      { kind: 'file:chunk', path: 'big.txt', text: '12345678' },
    ]);
    expect(parser.push('90x')).toEqual([{ kind: 'file:rejected', path: 'big.txt', reason: 'the file is larger than 10 bytes' }]);
    expect(parser.push('more text</file><delete path="d"/>')).toEqual([{ kind: 'delete', path: 'd' }]);
    expect(parser.end()).toEqual([]);
  });

  it('counts UTF-8 bytes however the characters were split', () => {
    const text = '<file path="a">ééé😀</file>'; // 3 × 2 + 4 = 10 bytes
    for (let split = 0; split <= text.length; split++) {
      const chunks = [text.slice(0, split), text.slice(split)];
      expect(parseChunks(chunks, { maxFileBytes: 10 }).at(-1)).toMatchObject({ kind: 'file:end', content: 'ééé😀' });
      expect(parseChunks(chunks, { maxFileBytes: 9 }).at(-1)).toMatchObject({ kind: 'file:rejected' });
    }
  });

  it('describes the default limit in MB', () => {
    const events = parseChunks([`<file path="a">${'x'.repeat(1024 * 1024 + 1)}</file>`]);
    expect(events.at(-1)).toEqual({ kind: 'file:rejected', path: 'a', reason: 'the file is larger than 1 MB' });
  });
});

describe('createFileBlockParser: output cut off', () => {
  it('reports a never-closed file as truncated, with everything it got', () => {
    const events = parse('<file path="a.ts">\nconst x = 1;\n</fi');
    expect(events).toEqual([
      { kind: 'file:start', path: 'a.ts' },
      { kind: 'file:chunk', path: 'a.ts', text: 'const x = 1;\n</fi' },
      { kind: 'file:truncated', path: 'a.ts', content: 'const x = 1;\n</fi' },
    ]);
  });

  it('reports a file cut off right after its opening tag as truncated and empty', () => {
    expect(parse('<file path="a.ts">')).toEqual([
      { kind: 'file:start', path: 'a.ts' },
      { kind: 'file:truncated', path: 'a.ts', content: '' },
    ]);
  });

  it('emits an unclosed summary with the text it got', () => {
    expect(parse('<summary>Added books')).toEqual([{ kind: 'summary', text: 'Added books' }]);
  });

  it('refuses input after end()', () => {
    const parser = createFileBlockParser();
    parser.end();
    expect(() => parser.push('x')).toThrow(/ended/);
    expect(parser.end()).toEqual([]);
  });
});
