// Turns the parser's block events into stream events and collects what the model produced.
// Pure: run-generation feeds it and decides what to store.
import type { StreamEventBody } from '@/types/streaming';
import type { FileMap } from '@/types/versioning';
import type { ParsedBlockEvent } from './file-blocks/file-block-parser';

export interface CollectedOutput {
  planTitle: string | null;
  plannedFiles: string[];
  /** Finished files: path → whole new content. */
  writtenFiles: FileMap;
  deletedFiles: string[];
  summary: string | null;
  prose: string[];
  rejected: Array<{ path: string; reason: string }>;
  /** Files whose block never closed: the output was cut off. */
  truncatedFiles: string[];
}

export interface OutputCollector {
  /** Stream events for one parser event. */
  accept(event: ParsedBlockEvent): StreamEventBody[];
  readonly output: CollectedOutput;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

export function createOutputCollector(baseFiles: FileMap): OutputCollector {
  const output: CollectedOutput = {
    planTitle: null,
    plannedFiles: [],
    writtenFiles: {},
    deletedFiles: [],
    summary: null,
    prose: [],
    rejected: [],
    truncatedFiles: [],
  };
  /** The 1-based line the next chunk of each open file starts on. */
  const nextLine = new Map<string, number>();

  return {
    output,
    accept(event) {
      switch (event.kind) {
        case 'plan':
          output.planTitle = event.title || null;
          output.plannedFiles = event.entries.map((entry) => entry.path);
          return [{ type: 'planning', message: event.title || event.text, files: output.plannedFiles }];
        case 'file:start':
          nextLine.set(event.path, 1);
          return [{ type: 'file:generating', filePath: event.path }];
        case 'file:chunk': {
          const startLine = nextLine.get(event.path) ?? 1;
          nextLine.set(event.path, startLine + countNewlines(event.text));
          return [{ type: 'code:chunk', filePath: event.path, chunk: event.text, startLine }];
        }
        case 'file:end':
          nextLine.delete(event.path);
          output.writtenFiles[event.path] = event.content;
          output.deletedFiles = output.deletedFiles.filter((path) => path !== event.path);
          return [{ type: 'file:complete', filePath: event.path, operation: event.path in baseFiles ? 'modified' : 'created' }];
        case 'file:rejected':
          output.rejected.push({ path: event.path, reason: event.reason });
          return [];
        case 'file:truncated':
          output.truncatedFiles.push(event.path);
          return [];
        case 'delete':
          delete output.writtenFiles[event.path];
          if (!(event.path in baseFiles) || output.deletedFiles.includes(event.path)) return [];
          output.deletedFiles.push(event.path);
          return [{ type: 'file:complete', filePath: event.path, operation: 'deleted' }];
        case 'summary':
          output.summary = event.text;
          return [];
        case 'prose':
          output.prose.push(event.text);
          return [];
      }
    },
  };
}

/** The base files with the model's changes applied. */
export function applyCollectedChanges(baseFiles: FileMap, output: CollectedOutput): FileMap {
  const files: FileMap = { ...baseFiles, ...output.writtenFiles };
  for (const path of output.deletedFiles) delete files[path];
  return files;
}

/** A 1-3 word title for the version card, from the plan or else the prompt. */
export function versionTitle(output: CollectedOutput, prompt: string, versionNumber: number): string {
  const source = output.planTitle ?? prompt;
  const words = source.replace(/[^\p{L}\p{N}\s-]/gu, ' ').split(/\s+/).filter(Boolean).slice(0, 3);
  if (words.length === 0) return versionNumber === 1 ? 'Initial API' : `Version ${versionNumber}`;
  const title = words.join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** The assistant's chat answer: summary first, then anything the model said outside blocks, then problems. */
export function assistantMessage(output: CollectedOutput): string {
  const parts: string[] = [];
  if (output.summary) parts.push(output.summary);
  if (output.prose.length) parts.push(output.prose.join('\n\n'));
  if (output.rejected.length) {
    parts.push(`Skipped ${output.rejected.length} file(s): ${output.rejected.map((r) => `${r.path} (${r.reason})`).join('; ')}.`);
  }
  return parts.join('\n\n').trim();
}
