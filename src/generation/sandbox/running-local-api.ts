// A started API on this machine as its owner sees it: where it answers, its output, and one stop
// that ends its processes and removes its temp dir. Validation hands this over as a preview, and the
// local preview adapter returns it for a cold start.
import type { RunningApi } from '../ports';
import type { RunningServer } from './npm-steps';
import type { Redact } from './redact-secrets';
import { describeExit } from './report-text';
import { removeWorkspace, removeWorkspaceNow, type Workspace } from './workspace';

export function runningLocalApi(options: {
  sandbox: string;
  server: RunningServer;
  /** Stops the process tree and frees its port. */
  stopServer: () => Promise<void>;
  workspace: Workspace;
  redact: Redact;
}): RunningApi {
  const { server, workspace, redact } = options;
  let stopping: Promise<void> | undefined;
  return {
    sandbox: options.sandbox,
    baseUrl: server.baseUrl,
    logTail: () => redact(server.process.output.text()),
    exited: server.process.exited.then(describeExit),
    stop: () =>
      (stopping ??= (async () => {
        await options.stopServer();
        await removeWorkspace(workspace);
      })()),
    killNow: () => {
      server.process.killNow();
      removeWorkspaceNow(workspace);
    },
  };
}
