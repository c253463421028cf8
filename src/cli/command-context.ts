import type { ForgeClient } from './client';
import type { Terminal } from './terminal';

/** What every CLI command runs with: the server to talk to and where to print. */
export interface CommandContext {
  client: ForgeClient;
  terminal: Terminal;
}
