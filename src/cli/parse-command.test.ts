import { describe, expect, it } from 'vitest';
import { UsageError } from './cli-errors';
import { DEFAULT_SERVER_URL, parseInvocation } from './parse-command';

const ID = '3f2a7c1e-1111-4222-8333-444455556666';
const OTHER = '9b1d2e3f-aaaa-4bbb-8ccc-ddddeeeeffff';

describe('parseInvocation', () => {
  it('reads each command with its arguments', () => {
    expect(parseInvocation(['new', 'bookstore API'], {}).command).toEqual({ name: 'new', prompt: 'bookstore API' });
    expect(parseInvocation(['iterate', ID, 'add reviews', '--base', OTHER], {}).command).toEqual({
      name: 'iterate',
      projectId: ID,
      prompt: 'add reviews',
      baseVersionId: OTHER,
    });
    expect(parseInvocation(['versions', ID], {}).command).toEqual({ name: 'versions', projectId: ID });
    expect(parseInvocation(['files', ID], {}).command).toEqual({ name: 'files', versionId: ID });
    expect(parseInvocation(['files', ID, 'src/index.ts'], {}).command).toEqual({ name: 'files', versionId: ID, path: 'src/index.ts' });
    expect(parseInvocation(['diff', ID, OTHER], {}).command).toEqual({ name: 'diff', fromVersionId: ID, toVersionId: OTHER });
    expect(parseInvocation(['download', ID, 'out.zip'], {}).command).toEqual({ name: 'download', versionId: ID, outFile: 'out.zip' });
    expect(parseInvocation(['watch', ID], {}).command).toEqual({ name: 'watch', versionId: ID });
    expect(parseInvocation(['stop', ID], {}).command).toEqual({ name: 'stop', versionId: ID });
  });

  it('takes an unquoted prompt as the words that follow', () => {
    expect(parseInvocation(['new', 'bookstore', 'API'], {}).command).toEqual({ name: 'new', prompt: 'bookstore API' });
    expect(parseInvocation(['iterate', ID, 'add', 'reviews'], {}).command).toMatchObject({ projectId: ID, prompt: 'add reviews' });
  });

  it('takes the server and token from options, then the environment, then the default', () => {
    expect(parseInvocation(['versions', ID], {})).toMatchObject({ serverUrl: DEFAULT_SERVER_URL, accessToken: undefined });
    const fromEnv = parseInvocation(['versions', ID], { FORGE_URL: 'https://forge.example', FORGE_ACCESS_TOKEN: 'env-token' });
    expect(fromEnv).toMatchObject({ serverUrl: 'https://forge.example', accessToken: 'env-token' });
    const fromOptions = parseInvocation(['versions', ID, '--url', 'http://localhost:4000', '--token', 'cli-token'], { FORGE_URL: 'https://forge.example', FORGE_ACCESS_TOKEN: 'env-token' });
    expect(fromOptions).toMatchObject({ serverUrl: 'http://localhost:4000', accessToken: 'cli-token' });
  });

  it('answers --help and help with the help command', () => {
    expect(parseInvocation(['--help'], {}).command).toEqual({ name: 'help' });
    expect(parseInvocation(['help'], {}).command).toEqual({ name: 'help' });
    expect(parseInvocation(['new', '-h'], {}).command).toEqual({ name: 'help' });
  });

  it.each([
    ['no command', []],
    ['an unknown command', ['deploy', ID]],
    ['an unknown option', ['versions', ID, '--verbose']],
    ['a missing argument', ['diff', ID]],
    ['too many arguments', ['files', ID, 'a.ts', 'b.ts']],
    ['a missing prompt', ['new']],
    ['--base on another command', ['versions', ID, '--base', OTHER]],
    ['an option without its value', ['versions', ID, '--url']],
    ['a server URL that is not http', ['versions', ID, '--url', 'ftp://example.com']],
    ['a server URL that is not a URL', ['versions', ID, '--url', 'localhost:3000x']],
  ])('refuses %s with a UsageError', (_case, argv) => {
    expect(() => parseInvocation(argv, {})).toThrow(UsageError);
  });
});
