// `forge call` and `forge preview`: a version's live preview from the terminal. Like the other
// commands, each returns its exit code or throws for run-cli.ts to describe.
import { isRunningState } from '@/types/preview';
import type { CallRequest } from './call-request';
import { EXIT_ERROR, EXIT_OK } from './cli-errors';
import type { CommandContext } from './command-context';
import { renderCheckReport } from './format/check-report';
import { createPaint } from './format/paint';
import { describeTruncation, renderPreviewResponse } from './format/preview-response';
import { describeReady } from './format/preview-status';
import { ensurePreviewReady, type PreviewWaitOptions } from './preview-wait';

/**
 * Exit 0 whenever a response came, 4xx and 5xx included (as curl and httpie do): the status line
 * says how it went. No response (timeout, unreachable, a preview that failed) throws, and exits 1.
 */
export async function callCommand(
  context: CommandContext,
  command: { versionId: string; request: CallRequest; showHeaders: boolean },
  wait?: PreviewWaitOptions,
): Promise<number> {
  const { client, terminal } = context;
  const version = await client.versions.get.query({ versionId: command.versionId });
  await ensurePreviewReady(context, { versionId: version.id, versionNumber: version.versionNumber }, wait);
  const response = await client.preview.send.mutate({ versionId: version.id, ...command.request });
  terminal.write(renderPreviewResponse(response, { showHeaders: command.showHeaders, paint: createPaint(terminal.color) }));
  const note = describeTruncation(response);
  if (note) terminal.warn(note);
  return EXIT_OK;
}

/** Starts the preview and waits until it answers; with `stop`, stops it (and says so when nothing ran). */
export async function previewCommand(context: CommandContext, command: { versionId: string; stop: boolean }, wait?: PreviewWaitOptions): Promise<number> {
  const { client, terminal } = context;
  const version = await client.versions.get.query({ versionId: command.versionId });
  const label = `v${version.versionNumber}`;
  if (command.stop) {
    const before = await client.preview.status.query({ versionId: version.id });
    if (!isRunningState(before.state)) {
      terminal.write(`${label}'s preview is not running.\n`);
      return EXIT_OK;
    }
    await client.preview.stop.mutate({ versionId: version.id });
    terminal.write(`Stopped ${label}'s preview.\n`);
    return EXIT_OK;
  }
  const status = await ensurePreviewReady(context, { versionId: version.id, versionNumber: version.versionNumber }, wait);
  terminal.write(`${describeReady(label, status)}\n`);
  return EXIT_OK;
}

/**
 * The behaviour round and the saved checks against the version's preview, started if need be. Exit 1
 * when a check fails, so a CI job can run it; the round creates and deletes items in that preview.
 */
export async function checkCommand(context: CommandContext, versionId: string, wait?: PreviewWaitOptions): Promise<number> {
  const { client, terminal } = context;
  const version = await client.versions.get.query({ versionId });
  await ensurePreviewReady(context, { versionId: version.id, versionNumber: version.versionNumber }, wait);
  const report = await client.preview.check.mutate({ versionId: version.id });
  terminal.write(renderCheckReport(report, createPaint(terminal.color)));
  return report.ok ? EXIT_OK : EXIT_ERROR;
}
