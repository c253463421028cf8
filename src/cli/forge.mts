// The forge CLI: `tsx src/cli/forge.mts <command>` (npm run forge -- <command>). See USAGE in
// parse-command.ts, or run it with --help.
import { runCli } from './run-cli';
import { processTerminal } from './terminal';

process.exitCode = await runCli(process.argv.slice(2), processTerminal(process.env), process.env);
