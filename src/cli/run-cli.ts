// The CLI from argv to exit code, with its output going to an injected Terminal (tests pass one
// that captures it; forge.mts passes the process's).
import { createForgeClient } from './client';
import { describeFailure, EXIT_OK, UsageError } from './cli-errors';
import type { CommandContext } from './command-context';
import { diffCommand, downloadCommand, filesCommand, iterateCommand, newCommand, stopCommand, versionsCommand, watchCommand } from './commands';
import { envCommand } from './env-commands';
import { DEFAULT_SERVER_URL, parseInvocation, USAGE, type ForgeCommand } from './parse-command';
import { callCommand, checkCommand, previewCommand } from './preview-commands';
import type { Terminal } from './terminal';

function runCommand(context: CommandContext, command: Exclude<ForgeCommand, { name: 'help' }>): Promise<number> {
  switch (command.name) {
    case 'new':
      return newCommand(context, command.prompt);
    case 'iterate':
      return iterateCommand(context, command);
    case 'versions':
      return versionsCommand(context, command.projectId);
    case 'files':
      return filesCommand(context, command.versionId, command.path);
    case 'diff':
      return diffCommand(context, command.fromVersionId, command.toVersionId);
    case 'download':
      return downloadCommand(context, command.versionId, command.outFile);
    case 'watch':
      return watchCommand(context, command.versionId);
    case 'stop':
      return stopCommand(context, command.versionId);
    case 'call':
      return callCommand(context, command);
    case 'preview':
      return previewCommand(context, command);
    case 'check':
      return checkCommand(context, command.versionId);
    case 'env':
      return envCommand(context, command.projectId, command.action);
  }
}

export async function runCli(argv: string[], terminal: Terminal, env: Record<string, string | undefined>): Promise<number> {
  let serverUrl = DEFAULT_SERVER_URL;
  try {
    const invocation = parseInvocation(argv, env);
    serverUrl = invocation.serverUrl;
    if (invocation.command.name === 'help') {
      terminal.write(USAGE);
      return EXIT_OK;
    }
    const client = createForgeClient({ url: invocation.serverUrl, accessToken: invocation.accessToken });
    return await runCommand({ client, terminal }, invocation.command);
  } catch (error) {
    const { message, exitCode } = describeFailure(error, serverUrl);
    terminal.warn(`forge: ${message}\n`);
    if (error instanceof UsageError) terminal.warn(`\n${USAGE}`);
    return exitCode;
  }
}
