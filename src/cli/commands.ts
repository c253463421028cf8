// The forge CLI's commands. Each returns its exit code, or throws (tRPC errors, CommandFailure),
// which run-cli.ts turns into a message and an exit code.
import { writeFile } from 'node:fs/promises';
import { buildVersionZip, zipFolderName } from '@/shared/version-zip';
import { CommandFailure, EXIT_OK } from './cli-errors';
import type { CommandContext } from './command-context';
import { renderApiDiff } from './format/api-diff-lines';
import { createPaint } from './format/paint';
import { renderUnifiedDiff } from './format/unified-diff';
import { renderVersionTable } from './format/version-table';
import { watchCommand } from './watch';

export { watchCommand };

function describeSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** The ids come first and alone on their lines, so a script can read them before the stream. */
export async function newCommand(context: CommandContext, prompt: string): Promise<number> {
  const created = await context.client.projects.create.mutate({ prompt });
  context.terminal.write(`project ${created.projectId}\nversion v${created.versionNumber} ${created.versionId}\n`);
  return watchCommand(context, created.versionId);
}

export async function iterateCommand(context: CommandContext, input: { projectId: string; prompt: string; baseVersionId?: string }): Promise<number> {
  const created = await context.client.versions.create.mutate(input);
  context.terminal.write(`version v${created.versionNumber} ${created.versionId}\n`);
  return watchCommand(context, created.versionId);
}

export async function versionsCommand(context: CommandContext, projectId: string): Promise<number> {
  const versions = await context.client.versions.list.query({ projectId });
  context.terminal.write(renderVersionTable(versions));
  return EXIT_OK;
}

/** The files of a version that has them; a clear failure for one still generating or failed. */
async function savedFilesOf(context: CommandContext, versionId: string) {
  const answer = await context.client.versions.files.query({ versionId });
  if (!answer.complete) {
    const version = await context.client.versions.get.query({ versionId });
    const state = version.status === 'failed' ? `it failed${version.stopReason ? ` (${version.stopReason})` : ''}` : `it is ${version.status}`;
    throw new CommandFailure(`v${version.versionNumber} has no saved files: ${state}.`);
  }
  for (const problem of answer.problems) context.terminal.warn(`warning: ${problem.filePath} could not be verified: ${problem.reason}\n`);
  return answer.files;
}

/** Without a path: the paths, one a line. With one: that file's content, byte for byte. */
export async function filesCommand(context: CommandContext, versionId: string, path?: string): Promise<number> {
  const files = await savedFilesOf(context, versionId);
  if (path === undefined) {
    context.terminal.write(Object.keys(files).sort().map((filePath) => `${filePath}\n`).join(''));
    return EXIT_OK;
  }
  if (!Object.hasOwn(files, path)) throw new CommandFailure(`The version has no file ${path}. Run "forge files ${versionId}" to list its files.`);
  context.terminal.write(files[path]!);
  return EXIT_OK;
}

/** The API's route and field changes first (breaking ones flagged), then the files as a unified diff. */
export async function diffCommand(context: CommandContext, fromVersionId: string, toVersionId: string): Promise<number> {
  const comparison = await context.client.versions.compare.query({ fromVersionId, toVersionId });
  const apiDiff = await context.client.versions.apiDiff.query({ fromVersionId, toVersionId });
  const paint = createPaint(context.terminal.color);
  const versions = { from: comparison.from.versionNumber, to: comparison.to.versionNumber };
  context.terminal.write(`${renderApiDiff(apiDiff, versions, paint)}\n${renderUnifiedDiff(comparison, paint)}`);
  return EXIT_OK;
}

/**
 * Everything sits in one folder named after the project and version, so unzipping never scatters files.
 * The project's saved checks come along as requests.http, unless the version has a file of that name.
 */
export async function downloadCommand(context: CommandContext, versionId: string, outFile: string): Promise<number> {
  const files = await savedFilesOf(context, versionId);
  const version = await context.client.versions.get.query({ versionId });
  const project = await context.client.projects.get.query({ projectId: version.projectId });
  const requestsHttp = await context.client.savedChecks.requestsHttp.query({ projectId: version.projectId });
  const extraFiles: Record<string, string> = requestsHttp ? { 'requests.http': requestsHttp.text } : {};
  const zip = buildVersionZip(files, zipFolderName(project.name, version.versionNumber), extraFiles);
  for (const entry of zip.skipped) context.terminal.warn(`warning: left out ${entry.path}: ${entry.reason}\n`);
  await writeFile(outFile, zip.bytes);
  context.terminal.write(`Wrote ${outFile}: v${version.versionNumber} of ${project.name}, ${zip.entries.length} files, ${describeSize(zip.bytes.length)}\n`);
  return EXIT_OK;
}

export async function stopCommand(context: CommandContext, versionId: string): Promise<number> {
  const version = await context.client.versions.get.query({ versionId });
  await context.client.versions.stop.mutate({ versionId });
  context.terminal.write(`Stopped v${version.versionNumber}. Its partial output stays in the stream; nothing was saved.\n`);
  return EXIT_OK;
}
