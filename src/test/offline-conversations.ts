// Test support: runs prompts through the offline generator the way a project does (v1, then each
// follow-up on the files before it), and reads what a generated project declares and registers.
// Used by the offline generator's tests only.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileMap } from '@/types/versioning';
import { createFileBlockParser, type ParsedBlockEvent } from '@/generation/file-blocks/file-block-parser';
import { composeOfflineAnswer } from '@/generation/offline/answer/compose-answer';

export interface ParsedAnswer {
  plan: Extract<ParsedBlockEvent, { kind: 'plan' }> | undefined;
  written: FileMap;
  deleted: string[];
  summary: string | undefined;
  /** Anything else: prose, rejected or truncated files. None is expected. */
  unexpected: ParsedBlockEvent[];
}

export function parseAnswer(text: string): ParsedAnswer {
  const parser = createFileBlockParser();
  const answer: ParsedAnswer = { plan: undefined, written: {}, deleted: [], summary: undefined, unexpected: [] };
  for (const event of [...parser.push(text), ...parser.end()]) {
    if (event.kind === 'plan') answer.plan = event;
    else if (event.kind === 'file:end') answer.written[event.path] = event.content;
    else if (event.kind === 'delete') answer.deleted.push(event.path);
    else if (event.kind === 'summary') answer.summary = event.text;
    else if (event.kind !== 'file:start' && event.kind !== 'file:chunk') answer.unexpected.push(event);
  }
  return answer;
}

export function answer(prompt: string, baseFiles: FileMap = {}): ParsedAnswer {
  const versionNumber = Object.keys(baseFiles).length === 0 ? 1 : 2;
  return parseAnswer(composeOfflineAnswer({ versionNumber, prompt, baseFiles, history: [] }));
}

export function applyAnswer(baseFiles: FileMap, result: ParsedAnswer): FileMap {
  const files = { ...baseFiles, ...result.written };
  for (const path of result.deleted) delete files[path];
  return files;
}

export interface VersionStep {
  prompt: string;
  answer: ParsedAnswer;
  /** The version's files: the base plus what the answer wrote, minus what it deleted. */
  files: FileMap;
}

/** v1 from the first prompt, then one version per follow-up, each on the one before. */
export function runConversation(prompts: readonly string[]): VersionStep[] {
  const steps: VersionStep[] = [];
  let files: FileMap = {};
  for (const prompt of prompts) {
    const result = answer(prompt, files);
    files = applyAnswer(files, result);
    steps.push({ prompt, answer: result, files });
  }
  return steps;
}

export async function writeProject(directory: string, files: FileMap): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(directory, path)), { recursive: true });
    await writeFile(join(directory, path), content);
  }
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** "GET /books/{id}" for every operation in the project's openapi.json, in document order. */
export function openApiRoutes(files: FileMap): string[] {
  const document = JSON.parse(files['openapi.json'] ?? '{}') as { paths?: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => HTTP_METHODS.has(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/**
 * "GET /books/{id}" for every route the code registers: `router.get('/books/:id', ...)` calls, and
 * `router.post(TOKEN_ROUTE, ...)` with the constant's value.
 */
export function registeredRoutes(files: FileMap): string[] {
  const constants = new Map<string, string>();
  for (const content of Object.values(files)) {
    for (const match of content.matchAll(/export const ([A-Z_]+) = '(\/[^']*)';/g)) constants.set(match[1]!, match[2]!);
  }
  const routes: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    if (!path.startsWith('src/') || path.startsWith('src/test/')) continue;
    for (const match of content.matchAll(/router\.(get|post|put|patch|delete)\((?:'([^']+)'|([A-Z_]+)),/g)) {
      const route = match[2] ?? constants.get(match[3]!) ?? `unknown constant ${match[3]}`;
      routes.push(`${match[1]!.toUpperCase()} ${route.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    }
  }
  return routes;
}
