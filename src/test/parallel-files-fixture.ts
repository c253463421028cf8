// Scripted answers for parallel-files mode, shared by its test and the benchmark: the plan call
// gets a plan of `fileCount` files, each file call gets that file, and a single call gets them all.
import type { RecordedRequest, ScriptedResponse } from './openai-fixture-server';

export function fixtureFileContent(index: number, bytes: number): string {
  const line = `export const value${index} = ${index}; // filler to reach a realistic file size\n`;
  return `// src/module${index}.ts\n${line.repeat(Math.max(1, Math.floor(bytes / line.length)))}`;
}

export function parallelFixtureResponder(options: { fileCount: number; fileBytes: number; pace: Omit<Extract<ScriptedResponse, { kind: 'stream' }>, 'kind' | 'text'> }) {
  const paths = Array.from({ length: options.fileCount }, (_, index) => `src/module${index}.ts`);
  const fileBlock = (index: number) => `<file path="${paths[index]}">\n${fixtureFileContent(index, options.fileBytes)}</file>\n`;
  const planText =
    `<plan title="Modules">\n${paths.map((path, index) => `${path} create — module ${index}`).join('\n')}\n</plan>\n` +
    `<interfaces>Each module exports one const named valueN.</interfaces>`;
  const singleCallText = `<plan title="Modules">${paths.map((path) => `${path} create`).join('; ')}</plan>\n${paths.map((_, index) => fileBlock(index)).join('')}<summary>Modules.</summary>`;

  return (body: RecordedRequest['body']): ScriptedResponse => {
    const system = body.messages[0]?.content ?? '';
    const user = body.messages.at(-1)?.content ?? '';
    if (system.startsWith('You plan HTTP APIs')) return { kind: 'stream', text: planText, ...options.pace };
    const wanted = /Write the complete file (\S+?):/.exec(user)?.[1];
    if (wanted) return { kind: 'stream', text: fileBlock(paths.indexOf(wanted)), ...options.pace };
    return { kind: 'stream', text: singleCallText, ...options.pace };
  };
}
