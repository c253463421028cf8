import { describe, expect, it } from 'vitest';
import { ContinuationMismatch, continuationMessages, createContinuationJoiner, describeCut, openBlockAtEnd } from './continuation';

/** Joins a continuation fed in pieces of `size` characters. */
function join(soFar: string, continuation: string, size = 3): string {
  const joiner = createContinuationJoiner(soFar);
  let out = '';
  for (let index = 0; index < continuation.length; index += size) out += joiner.push(continuation.slice(index, index + size));
  return soFar + out + joiner.end();
}

const CUT = '<plan title="x">a.ts create</plan>\n<file path="src/a.ts">\nexport const alpha = 1;\nexport function handleRequ';

describe('openBlockAtEnd', () => {
  it('finds the file a text ends inside of, with its content so far', () => {
    expect(openBlockAtEnd(CUT)).toEqual({ kind: 'file', path: 'src/a.ts', content: 'export const alpha = 1;\nexport function handleRequ' });
  });
  it('is null for a text whose blocks are closed', () => {
    expect(openBlockAtEnd('<file path="a.ts">\nx\n</file>\n<summary>s</summary>')).toBeNull();
  });
  it('finds an unclosed edit block', () => {
    expect(openBlockAtEnd('<edit path="a.ts">\n<<<<<<< SEARCH\nx\n=======\ny')).toMatchObject({ kind: 'edit', path: 'a.ts' });
  });
});

describe('describeCut', () => {
  it('names the open file, or the output limit, or nothing', () => {
    expect(describeCut(openBlockAtEnd(CUT), 'length')).toBe('in the middle of src/a.ts');
    expect(describeCut(openBlockAtEnd('<file path="a.ts">\nx\n</file>'), 'length')).toBe("at the model's output limit");
    expect(describeCut(openBlockAtEnd('<file path="a.ts">\nx\n</file>'), 'stop')).toBeNull();
  });
});

describe('continuationMessages', () => {
  it('sends the text so far as the assistant turn, then asks to go on', () => {
    const messages = continuationMessages([{ role: 'system', content: 's' }, { role: 'user', content: 'u' }], CUT);
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[2]!.content).toBe(CUT);
    expect(messages[3]!.content).toMatch(/very next character/);
  });
});

describe('createContinuationJoiner', () => {
  const rest = 'est(input) {\n  return input;\n}\n</file>\n<summary>done</summary>';
  const whole = `${CUT}${rest}`;

  it('passes a continuation that starts at the next character through unchanged, in any pieces', () => {
    for (const size of [1, 2, 5, 64, 1000]) expect(join(CUT, rest, size)).toBe(whole);
  });

  it('drops the unfinished last line when the model repeats it from its start', () => {
    expect(join(CUT, `export function handleRequ${rest}`)).toBe(whole);
  });

  it('drops a fence the model wrapped its continuation in', () => {
    expect(join(CUT, '```xml\n' + rest)).toBe(whole);
  });

  it('joins a file the model started over when it repeats the text so far exactly', () => {
    expect(join(CUT, `<file path="src/a.ts">\nexport const alpha = 1;\nexport function handleRequ${rest}`)).toBe(whole);
  });

  it('refuses a file started over with different text: it cannot be joined', () => {
    expect(() => join(CUT, `<file path="src/a.ts">\nexport const beta = 2;\n${rest}`)).toThrow(ContinuationMismatch);
  });

  it('keeps a continuation that merely begins like the repeated code around it', () => {
    // The text so far ends with a whole line, and the next line is the same: nothing is a repeat.
    const soFar = '<file path="a.ts">\nconst filler = 1; // filler\n';
    const next = 'const filler = 1; // filler\n</file>';
    expect(join(soFar, next)).toBe(soFar + next);
  });

  it('keeps a short continuation that ends before it could be told apart', () => {
    expect(join(CUT, 'est')).toBe(`${CUT}est`);
  });
});
