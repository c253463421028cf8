import { describe, expect, it } from 'vitest';
import { checkSafePath } from '@/shared/safe-path';

describe('checkSafePath', () => {
  it.each([
    ['package.json', 'package.json'],
    ['src/routes/books.ts', 'src/routes/books.ts'],
    ['./src/index.ts', 'src/index.ts'],
    ['.env.example', '.env.example'],
    ['src/.hidden/file.ts', 'src/.hidden/file.ts'],
    ['docs/my file.md', 'docs/my file.md'],
    ['a/'.repeat(99) + 'b', 'a/'.repeat(99) + 'b'],
    ['x'.repeat(100), 'x'.repeat(100)],
  ])('accepts %j as %j', (input, path) => {
    expect(checkSafePath(input)).toEqual({ ok: true, path });
  });

  it.each([
    ['', 'the path is empty'],
    ['/etc/passwd', 'absolute paths are not allowed: /etc/passwd'],
    ['C:\\Windows\\win.ini', 'backslashes are not allowed'],
    ['C:/Windows/win.ini', 'absolute paths are not allowed: C:/Windows/win.ini'],
    ['c:notes.txt', 'absolute paths are not allowed'],
    ['../secrets', '".." is not allowed in paths: ../secrets'],
    ['src/../../etc', '".." is not allowed'],
    ['src/..', '".." is not allowed'],
    ['src\\index.ts', 'backslashes are not allowed'],
    ['src/a\u0000.ts', 'control characters are not allowed in paths: "src/a\\u0000.ts"'],
    ['src/a\nb.ts', 'control characters are not allowed'],
    ['src/a\u007f.ts', 'control characters are not allowed'],
    ['~/.ssh/id_rsa', 'home-folder paths are not allowed'],
    ['~root/x', 'home-folder paths are not allowed'],
    ['a//b', 'empty path segments are not allowed: a//b'],
    ['src/', 'empty path segments are not allowed'],
    ['src/./a.ts', '"." segments are not allowed'],
    ['.', '"." segments are not allowed'],
    ['././a.ts', '"." segments are not allowed'],
    ['a/'.repeat(100) + 'b', 'the path is longer than 200 characters'],
    ['x'.repeat(101), 'a path segment is longer than 100 characters'],
    ['node_modules/zod/index.js', 'node_modules/ is managed by tools'],
    ['.git/config', '.git/ is managed by tools'],
    ['packages/api/node_modules/x.js', 'node_modules/ is managed by tools'],
    [' src/a.ts', 'paths may not start or end with spaces'],
    ['src/a.ts ', 'paths may not start or end with spaces'],
  ])('rejects %j', (input, reason) => {
    const result = checkSafePath(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('strips only one leading ./', () => {
    expect(checkSafePath('./src/./a.ts').ok).toBe(false);
    expect(checkSafePath('src/./a.ts').ok).toBe(false);
  });
});
