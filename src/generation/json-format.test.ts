import { describe, expect, it } from 'vitest';
import { formatCompactJson, formatEditedJson } from './json-format';

describe('formatCompactJson', () => {
  it('formats a .json file written on one line, with a final newline', () => {
    expect(formatCompactJson('package.json', '{"name":"x","scripts":{"start":"node a.js"}}')).toBe('{\n  "name": "x",\n  "scripts": {\n    "start": "node a.js"\n  }\n}\n');
    expect(formatCompactJson('a/b.json', '[1,2]\n')).toBe('[\n  1,\n  2\n]\n');
  });
  it('leaves alone JSON the model formatted, text that is not JSON, and other files', () => {
    expect(formatCompactJson('a.json', '{\n"a": 1}')).toBeNull();
    expect(formatCompactJson('tsconfig.json', '{"a": 1, // comment}')).toBeNull();
    expect(formatCompactJson('a.ts', '{"a":1}')).toBeNull();
    expect(formatCompactJson('a.json', '')).toBeNull();
  });
});

describe('formatEditedJson', () => {
  const before = '{\n  "a": {\n    "b": 1\n  }\n}\n';
  it('formats again a formatted file whose edits left out indentation', () => {
    const after = '{\n  "a": {\n    "b": 1,\n"c": 2\n  }\n}\n';
    expect(formatEditedJson('x.json', before, after)).toBe('{\n  "a": {\n    "b": 1,\n    "c": 2\n  }\n}\n');
  });
  it('is null when nothing changes, when the result is not JSON, or when the file was formatted another way', () => {
    expect(formatEditedJson('x.json', before, '{\n  "a": {\n    "b": 2\n  }\n}\n')).toBeNull();
    expect(formatEditedJson('x.json', before, '{ "a": ')).toBeNull();
    expect(formatEditedJson('x.json', '{\n    "a": 1\n}\n', '{\n"a": 2\n}\n')).toBeNull();
    expect(formatEditedJson('x.ts', before, '{"a":1}')).toBeNull();
  });
});
