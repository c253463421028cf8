import { describe, expect, it } from 'vitest';
import { compareFileMaps } from '@/versioning/compare';
import { createPaint } from './paint';
import { renderUnifiedDiff } from './unified-diff';

const plain = createPaint(false);

function diff(from: Record<string, string>, to: Record<string, string>, paint = plain) {
  return renderUnifiedDiff({ from: { versionNumber: 1 }, to: { versionNumber: 2 }, files: compareFileMaps(from, to), problems: [] }, paint);
}

describe('renderUnifiedDiff', () => {
  it('prints created, modified and deleted files as unified hunks, removals before additions', () => {
    const output = diff(
      { 'src/a.ts': 'one\ntwo\nthree\n', 'src/gone.ts': 'bye\n', 'same.ts': 'x\n' },
      { 'src/a.ts': 'one\nTWO\nthree\nfour\n', 'src/new.ts': 'hello\n', 'same.ts': 'x\n' },
    );
    expect(output).toBe(
      [
        'v1 → v2: 1 created, 1 modified, 1 deleted, 1 unchanged (+3 -2)',
        '',
        '--- v1/src/a.ts',
        '+++ v2/src/a.ts',
        '@@ -1,3 +1,4 @@',
        ' one',
        '-two',
        '+TWO',
        ' three',
        '+four',
        '',
        '--- v1/src/gone.ts',
        '+++ /dev/null',
        '@@ -1,1 +0,0 @@',
        '-bye',
        '',
        '--- /dev/null',
        '+++ v2/src/new.ts',
        '@@ -0,0 +1,1 @@',
        '+hello',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing changed', () => {
    expect(diff({ 'a.ts': 'x\n' }, { 'a.ts': 'x\n' })).toBe('v1 → v2: no changes (1 files)\n');
  });

  it('colors removals red and additions green only when asked', () => {
    const colored = diff({ 'a.ts': 'old\n' }, { 'a.ts': 'new\n' }, createPaint(true));
    expect(colored).toContain('\u001b[31m-old\u001b[39m');
    expect(colored).toContain('\u001b[32m+new\u001b[39m');
    expect(diff({ 'a.ts': 'old\n' }, { 'a.ts': 'new\n' })).not.toContain('\u001b[');
  });

  it('warns about files that could not be verified', () => {
    const output = renderUnifiedDiff(
      { from: { versionNumber: 1 }, to: { versionNumber: 2 }, files: [], problems: [{ filePath: 'src/a.ts', reason: 'hash mismatch' }] },
      plain,
    );
    expect(output).toContain('warning: src/a.ts could not be verified: hash mismatch');
  });
});
