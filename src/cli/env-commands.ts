// `forge env <projectId> list | set NAME | unset NAME`: a project's env vars for its generated API.
// Values go in and never come out: the server does not return them and nothing here prints one.
import { envValueProblem } from '@/shared/project-env-rules';
import { CommandFailure, EXIT_OK, EXIT_USAGE } from './cli-errors';
import type { CommandContext } from './command-context';
import { formatLocalTime } from './format/version-table';
import type { EnvAction } from './parse-command';
import type { Terminal } from './terminal';

/** `echo secret | …` ends the value with a newline that is not part of it; only that one goes. */
export function withoutFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

function pipeHint(projectId: string, variable: string): string {
  return `pipe the value in: echo "$VALUE" | forge env ${projectId} set ${variable}`;
}

/** From a pipe or a file: all of it. From a person's terminal: one line typed without echo. Null when neither works. */
async function readValue(terminal: Terminal, projectId: string, variable: string): Promise<string | null> {
  const input = terminal.input;
  if (!input) return null;
  if (input.interactive) return input.readHidden(`Value for ${variable}: `);
  return withoutFinalNewline(await input.readAll());
}

async function setVariable({ client, terminal }: CommandContext, projectId: string, variable: string): Promise<number> {
  const value = await readValue(terminal, projectId, variable);
  if (value === null) {
    terminal.warn(`forge: this terminal cannot read a value without showing it; ${pipeHint(projectId, variable)}\n`);
    return EXIT_USAGE;
  }
  if (value === '') throw new CommandFailure(`The value for ${variable} is empty, so nothing was set; ${pipeHint(projectId, variable)}`);
  const problem = envValueProblem(value);
  if (problem) throw new CommandFailure(problem);
  await client.projectEnv.set.mutate({ projectId, name: variable, value });
  terminal.write(`Set ${variable} for ${projectId}.\n`);
  return EXIT_OK;
}

export async function envCommand(context: CommandContext, projectId: string, action: EnvAction): Promise<number> {
  const { client, terminal } = context;
  switch (action.kind) {
    case 'list': {
      const variables = await client.projectEnv.list.query({ projectId });
      if (variables.length === 0) {
        terminal.write('No env vars set.\n');
        return EXIT_OK;
      }
      const width = Math.max(...variables.map(({ name }) => name.length));
      terminal.write(variables.map(({ name, updatedAt }) => `${name.padEnd(width)}  (set ${formatLocalTime(updatedAt)})\n`).join(''));
      return EXIT_OK;
    }
    case 'set':
      return setVariable(context, projectId, action.variable);
    case 'unset': {
      const { removed } = await client.projectEnv.remove.mutate({ projectId, name: action.variable });
      terminal.write(removed ? `Removed ${action.variable}.\n` : `${action.variable} was not set.\n`);
      return EXIT_OK;
    }
  }
}
