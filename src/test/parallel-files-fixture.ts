// Scripted answers for parallel-files mode, shared by its test and the benchmark: the plan call
// gets a plan of `fileCount` files, each file call gets that file, and a single call gets them all.
import type { RecordedRequest, ScriptedResponse } from './openai-fixture-server';

export function fixtureFileContent(index: number, bytes: number): string {
  const line = `export const value${index} = ${index}; // filler to reach a realistic file size\n`;
  return `// src/module${index}.ts\n${line.repeat(Math.max(1, Math.floor(bytes / line.length)))}`;
}

/**
 * Which of parallel-files mode's calls (src/generation/parallel-plan.ts) a chat request is: the plan call,
 * the call that writes one planned file, or anything else (a single call, a continuation, a re-request).
 * Tests and the bench classify requests here only, so a change of those prompts is made in one place.
 */
export type ChatRequestKind = { kind: 'plan' } | { kind: 'file'; path: string } | { kind: 'other' };

export function classifyChatRequest(body: RecordedRequest['body']): ChatRequestKind {
  const system = body.messages[0]?.content ?? '';
  const user = body.messages.at(-1)?.content ?? '';
  if (system.startsWith('You plan HTTP APIs')) return { kind: 'plan' };
  const wanted = /Write the complete file (\S+?):/.exec(user)?.[1];
  if (wanted) return { kind: 'file', path: wanted };
  return { kind: 'other' };
}

export function parallelFixtureResponder(options: { fileCount: number; fileBytes: number; pace: Omit<Extract<ScriptedResponse, { kind: 'stream' }>, 'kind' | 'text'> }) {
  const paths = Array.from({ length: options.fileCount }, (_, index) => `src/module${index}.ts`);
  const fileBlock = (index: number) => `<file path="${paths[index]}">\n${fixtureFileContent(index, options.fileBytes)}</file>\n`;
  const planText =
    `<plan title="Modules">\n${paths.map((path, index) => `${path} create — module ${index}`).join('\n')}\n</plan>\n` +
    `<interfaces>Each module exports one const named valueN.</interfaces>`;
  const singleCallText = `<plan title="Modules">${paths.map((path) => `${path} create`).join('; ')}</plan>\n${paths.map((_, index) => fileBlock(index)).join('')}<summary>Modules.</summary>`;

  return (body: RecordedRequest['body']): ScriptedResponse => {
    const request = classifyChatRequest(body);
    if (request.kind === 'plan') return { kind: 'stream', text: planText, ...options.pace };
    if (request.kind === 'file') return { kind: 'stream', text: fileBlock(paths.indexOf(request.path)), ...options.pace };
    return { kind: 'stream', text: singleCallText, ...options.pace };
  };
}
