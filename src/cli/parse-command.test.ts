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

  it('reads call with its method, path, query, headers and body', () => {
    expect(parseInvocation(['call', ID, 'get', '/books?limit=2&tag=a&tag=b'], {}).command).toEqual({
      name: 'call',
      versionId: ID,
      request: { method: 'GET', path: '/books', query: { limit: '2', tag: ['a', 'b'] } },
      showHeaders: false,
    });
    const posted = parseInvocation(['call', ID, 'POST', '/authors', '--data', '{"name":"Ada"}', '-i', '-H', 'X-Api-Key: k1', '--header', 'Accept: application/json'], {});
    expect(posted.command).toEqual({
      name: 'call',
      versionId: ID,
      request: { method: 'POST', path: '/authors', headers: { 'X-Api-Key': 'k1', Accept: 'application/json' }, body: '{"name":"Ada"}' },
      showHeaders: true,
    });
  });

  it('reads preview and env', () => {
    expect(parseInvocation(['preview', ID], {}).command).toEqual({ name: 'preview', versionId: ID, stop: false });
    expect(parseInvocation(['preview', ID, '--stop'], {}).command).toEqual({ name: 'preview', versionId: ID, stop: true });
    expect(parseInvocation(['env', ID, 'list'], {}).command).toEqual({ name: 'env', projectId: ID, action: { kind: 'list' } });
    expect(parseInvocation(['env', ID, 'set', 'JWT_SECRET'], {}).command).toEqual({ name: 'env', projectId: ID, action: { kind: 'set', variable: 'JWT_SECRET' } });
    expect(parseInvocation(['env', ID, 'unset', 'JWT_SECRET'], {}).command).toEqual({ name: 'env', projectId: ID, action: { kind: 'unset', variable: 'JWT_SECRET' } });
  });

  it.each([
    ['a method the preview does not accept', ['call', ID, 'TRACE', '/books'], '"TRACE" is not a method the preview accepts: use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS.'],
    ['a missing path', ['call', ID, 'GET'], 'Say the path to call: forge call <versionId> <METHOD> <path>, e.g. forge call <versionId> GET /books.'],
    ['a missing method and path', ['call', ID], 'Say the method and path to call'],
    ['a path without its leading slash', ['call', ID, 'GET', 'books'], 'The path must start with "/"'],
    ['a fragment', ['call', ID, 'GET', '/books#top'], 'A fragment (#…) is never sent to a server'],
    ['--data with GET', ['call', ID, 'GET', '/books', '--data', '{}'], 'A GET request cannot have a body, so --data does not go with it'],
    ['--data with HEAD', ['call', ID, 'head', '/books', '--data', '{}'], 'A HEAD request cannot have a body'],
    ['--data that is not JSON', ['call', ID, 'POST', '/authors', '--data', '{name: Ada}'], '--data is sent as JSON, but it is not valid JSON ('],
    ['-H without a colon', ['call', ID, 'GET', '/books', '-H', 'X-Api-Key k1'], '-H takes "Name: value" (e.g. -H "Authorization: Bearer abc"), not "X-Api-Key k1".'],
    ['-H naming the host', ['call', ID, 'GET', '/books', '-H', 'Host: evil.example'], 'The Host header cannot be set'],
    ['the same header twice', ['call', ID, 'GET', '/books', '-H', 'Accept: a', '-H', 'accept: b'], 'The header accept is given twice.'],
    ['-i on another command', ['versions', ID, '-i'], '--include only goes with "call".'],
    ['--stop on another command', ['call', ID, 'GET', '/', '--stop'], '--stop only goes with "preview".'],
    ['an env subcommand that does not exist', ['env', ID, 'get', 'JWT_SECRET'], '"env" does list, set <NAME> or unset <NAME>, not "get".'],
    ['env set without a name', ['env', ID, 'set'], 'Say which variable to set: forge env'],
    ['env list with a name', ['env', ID, 'list', 'JWT_SECRET'], '"env <projectId> list" takes no name.'],
    ['an env name that is not one', ['env', ID, 'set', '1BAD-NAME'], 'A name has letters, digits and underscores'],
    ['an env name the sandbox keeps', ['env', ID, 'unset', 'LD_PRELOAD'], 'LD_PRELOAD is set by the sandbox itself and cannot be changed.'],
    ['a value on the command line', ['env', ID, 'set', 'JWT_SECRET', 'hunter2'], `The value is read from stdin, so it stays out of your shell's history: echo "$VALUE" | forge env ${ID} set JWT_SECRET`],
  ])('refuses %s, saying why', (_case, argv, message) => {
    expect(() => parseInvocation(argv, {})).toThrow(UsageError);
    expect(() => parseInvocation(argv, {})).toThrow(message);
  });

  it('takes --data as it is when a Content-Type header names another type', () => {
    const command = parseInvocation(['call', ID, 'PUT', '/notes/1', '--data', 'plain words', '-H', 'content-type: text/plain'], {}).command;
    expect(command).toMatchObject({ request: { method: 'PUT', body: 'plain words', headers: { 'content-type': 'text/plain' } } });
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
