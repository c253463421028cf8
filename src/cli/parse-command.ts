// The command line → what to do. Pure apart from node:util's parseArgs, so every rule is testable.
import { parseArgs } from 'node:util';
import { envNameProblem } from '@/shared/project-env-rules';
import { buildCallRequest, type CallRequest } from './call-request';
import { UsageError } from './cli-errors';

/** What `forge env <projectId> …` does; a value never comes from the command line (it would stay in the shell's history). */
export type EnvAction = { kind: 'list' } | { kind: 'set'; variable: string } | { kind: 'unset'; variable: string };

export type ForgeCommand =
  | { name: 'new'; prompt: string }
  | { name: 'iterate'; projectId: string; prompt: string; baseVersionId?: string }
  | { name: 'versions'; projectId: string }
  | { name: 'files'; versionId: string; path?: string }
  | { name: 'diff'; fromVersionId: string; toVersionId: string }
  | { name: 'download'; versionId: string; outFile: string }
  | { name: 'watch'; versionId: string }
  | { name: 'stop'; versionId: string }
  | { name: 'call'; versionId: string; request: CallRequest; showHeaders: boolean }
  | { name: 'preview'; versionId: string; stop: boolean }
  | { name: 'check'; versionId: string }
  | { name: 'env'; projectId: string; action: EnvAction }
  | { name: 'help' };

export interface Invocation {
  command: ForgeCommand;
  serverUrl: string;
  accessToken?: string;
}

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000';

export const USAGE = `Usage: forge <command> [options]

Commands:
  new "<prompt>"                            create a project from a prompt and watch v1 being generated
  iterate <projectId> "<prompt>" [--base <versionId>]
                                            make the next version (from the latest complete one, or --base)
  versions <projectId>                      list a project's versions
  files <versionId> [path]                  list a version's files, or print one
  diff <versionIdA> <versionIdB>            what changed from A to B
  download <versionId> <out.zip>            save a version as a ZIP
  watch <versionId>                         follow a generation as it streams (from its start)
  stop <versionId>                          stop a generation
  call <versionId> <METHOD> <path> [--data <body>] [-H "Name: value"]... [-i]
                                            send a request to the version's preview (starting it if needed),
                                            e.g. call <versionId> GET "/books?limit=2"
  preview <versionId> [--stop]              start the version's preview and wait until it is ready, or stop it
  check <versionId>                         run the behaviour checks and the project's saved checks against the
                                            version's preview (starting it if needed); exits 1 if one fails
  env <projectId> list                      list the project's env var names (never their values)
  env <projectId> set <NAME>                set one, the value read from stdin: echo "$VALUE" | forge env <projectId> set NAME
  env <projectId> unset <NAME>              remove one

Options:
  --url <url>        server (default $FORGE_URL or ${DEFAULT_SERVER_URL})
  --token <token>    access token for a server with sign-in (default $FORGE_ACCESS_TOKEN)
  --data <body>      call: the request body, JSON unless a Content-Type header says otherwise
  -H, --header <h>   call: a request header, "Name: value" (repeat for more)
  -i, --include      call: print the response headers too
  --stop             preview: stop the preview instead
  -h, --help         show this help

Exit codes: 0 ok, 1 error (the generation failed, or a call got no response), 2 bad command line.
"call" exits 0 whenever a response came, whatever its status (like curl).
`;

/** How many positional arguments each command takes; a prompt may also be given unquoted, as several words. */
const ARITY: Record<Exclude<ForgeCommand['name'], 'help'>, { min: number; max: number; prompt?: boolean }> = {
  new: { min: 1, max: 1, prompt: true },
  iterate: { min: 2, max: 2, prompt: true },
  versions: { min: 1, max: 1 },
  files: { min: 1, max: 2 },
  diff: { min: 2, max: 2 },
  download: { min: 2, max: 2 },
  watch: { min: 1, max: 1 },
  stop: { min: 1, max: 1 },
  call: { min: 3, max: 3 },
  preview: { min: 1, max: 1 },
  check: { min: 1, max: 1 },
  env: { min: 2, max: 3 },
};

function isCommandName(name: string): name is keyof typeof ARITY {
  return Object.hasOwn(ARITY, name);
}

function readOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        base: { type: 'string' },
        data: { type: 'string' },
        header: { type: 'string', short: 'H', multiple: true },
        include: { type: 'boolean', short: 'i' },
        stop: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs' own wording names the option; its error codes are not worth more than that.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

type OptionValues = ReturnType<typeof readOptions>['values'];

/** Options that belong to one command; given to another, they are a mistake worth saying. */
const OPTION_OWNERS = { base: 'iterate', data: 'call', header: 'call', include: 'call', stop: 'preview' } as const;

function checkOptionOwners(name: keyof typeof ARITY, values: OptionValues): void {
  for (const [option, owner] of Object.entries(OPTION_OWNERS)) {
    if (values[option as keyof typeof OPTION_OWNERS] !== undefined && owner !== name) throw new UsageError(`--${option} only goes with "${owner}".`);
  }
}

/** The argument counts people get wrong most often, with what the command wanted. */
function arityHint(name: keyof typeof ARITY, args: string[]): string | null {
  if (name === 'call' && args.length < 3) {
    const missing = args.length === 2 ? 'the path' : 'the method and path';
    return `Say ${missing} to call: forge call <versionId> <METHOD> <path>, e.g. forge call <versionId> GET /books.`;
  }
  if (name === 'env' && args[1] === 'set' && args.length > 3) {
    return `The value is read from stdin, so it stays out of your shell's history: echo "$VALUE" | forge env ${args[0]} set ${args[2]}`;
  }
  return null;
}

function toEnvCommand(projectId: string, subcommand: string, variable: string | undefined): ForgeCommand {
  if (subcommand === 'list') {
    if (variable !== undefined) throw new UsageError('"env <projectId> list" takes no name.');
    return { name: 'env', projectId, action: { kind: 'list' } };
  }
  if (subcommand !== 'set' && subcommand !== 'unset') throw new UsageError(`"env" does list, set <NAME> or unset <NAME>, not "${subcommand}".`);
  if (variable === undefined) throw new UsageError(`Say which variable to ${subcommand}: forge env ${projectId} ${subcommand} <NAME>.`);
  const problem = envNameProblem(variable);
  if (problem) throw new UsageError(problem);
  return { name: 'env', projectId, action: { kind: subcommand, variable } };
}

function toCommand(name: keyof typeof ARITY, args: string[], values: OptionValues): ForgeCommand {
  const arity = ARITY[name];
  // A prompt written without quotes arrives as several words: they are the prompt.
  const words = arity.prompt && args.length > arity.max ? [...args.slice(0, arity.max - 1), args.slice(arity.max - 1).join(' ')] : args;
  if (words.length < arity.min || words.length > arity.max) {
    throw new UsageError(
      arityHint(name, args) ?? `"${name}" takes ${arity.min === arity.max ? arity.min : `${arity.min} or ${arity.max}`} argument(s), got ${args.length}.`,
    );
  }
  checkOptionOwners(name, values);
  const [first = '', second = '', third] = words;
  switch (name) {
    case 'new':
      return { name, prompt: first };
    case 'iterate':
      return { name, projectId: first, prompt: second, ...(values.base !== undefined && { baseVersionId: values.base }) };
    case 'versions':
      return { name, projectId: first };
    case 'files':
      return { name, versionId: first, ...(words.length === 2 && { path: second }) };
    case 'diff':
      return { name, fromVersionId: first, toVersionId: second };
    case 'download':
      return { name, versionId: first, outFile: second };
    case 'watch':
    case 'stop':
    case 'check':
      return { name, versionId: first };
    case 'call': {
      const request = buildCallRequest({ method: second, target: third ?? '', data: values.data, headerLines: values.header });
      return { name, versionId: first, request, showHeaders: values.include === true };
    }
    case 'preview':
      return { name, versionId: first, stop: values.stop === true };
    case 'env':
      return toEnvCommand(first, second, third);
  }
}

/** Throws UsageError for anything it cannot make sense of. */
export function parseInvocation(argv: string[], env: Record<string, string | undefined>): Invocation {
  const { values, positionals } = readOptions(argv);
  const serverUrl = values.url ?? (env.FORGE_URL || DEFAULT_SERVER_URL);
  if (!URL.canParse(serverUrl) || !/^https?:$/.test(new URL(serverUrl).protocol)) {
    throw new UsageError(`The server URL must be an http(s) URL, not "${serverUrl}".`);
  }
  const accessToken = values.token ?? (env.FORGE_ACCESS_TOKEN || undefined);
  const [name, ...args] = positionals;
  if (values.help || name === 'help') return { command: { name: 'help' }, serverUrl, accessToken };
  if (name === undefined) throw new UsageError('Say which command to run.');
  if (!isCommandName(name)) throw new UsageError(`Unknown command "${name}".`);
  return { command: toCommand(name, args, values), serverUrl, accessToken };
}
