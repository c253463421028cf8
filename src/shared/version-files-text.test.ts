import { describe, expect, it } from 'vitest';
import { versionFilesText } from './version-files-text';

describe('versionFilesText', () => {
  it('writes each file under a `--- path ---` line, sorted by path, each ending with a newline', () => {
    expect(versionFilesText({ 'src/index.ts': 'start();\n', 'package.json': '{}', 'empty.txt': '' })).toBe(
      '--- empty.txt ---\n\n--- package.json ---\n{}\n\n--- src/index.ts ---\nstart();\n',
    );
  });
});
