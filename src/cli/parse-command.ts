// The command line → what to do. Pure apart from node:util's parseArgs, so every rule is testable.
import { parseArgs } from 'node:util';
import { UsageError } from './cli-errors';

export type ForgeCommand =
  | { name: 'new'; prompt: string }
  | { name: 'iterate'; projectId: string; prompt: string; baseVersionId?: string }
  | { name: 'versions'; projectId: string }
  | { name: 'files'; versionId: string; path?: string }
  | { name: 'diff'; fromVersionId: string; toVersionId: string }
  | { name: 'download'; versionId: string; outFile: string }
  | { name: 'watch'; versionId: string }
  | { name: 'stop'; versionId: string }
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

Options:
  --url <url>        server (default $FORGE_URL or ${DEFAULT_SERVER_URL})
  --token <token>    access token for a server with sign-in (default $FORGE_ACCESS_TOKEN)
  -h, --help         show this help

Exit codes: 0 ok, 1 error (or the generation failed), 2 bad command line.
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs' own wording names the option; its error codes are not worth more than that.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function toCommand(name: keyof typeof ARITY, args: string[], base: string | undefined): ForgeCommand {
  const arity = ARITY[name];
  // A prompt written without quotes arrives as several words: they are the prompt.
  const words = arity.prompt && args.length > arity.max ? [...args.slice(0, arity.max - 1), args.slice(arity.max - 1).join(' ')] : args;
  if (words.length < arity.min || words.length > arity.max) {
    throw new UsageError(`"${name}" takes ${arity.min === arity.max ? arity.min : `${arity.min} or ${arity.max}`} argument(s), got ${args.length}.`);
  }
  if (base !== undefined && name !== 'iterate') throw new UsageError('--base only goes with "iterate".');
  const [first = '', second = ''] = words;
  switch (name) {
    case 'new':
      return { name, prompt: first };
    case 'iterate':
      return { name, projectId: first, prompt: second, ...(base !== undefined && { baseVersionId: base }) };
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
      return { name, versionId: first };
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
  return { command: toCommand(name, args, values.base), serverUrl, accessToken };
}
