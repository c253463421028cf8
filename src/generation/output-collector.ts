// Turns the parser's block events into stream events and collects what the model produced.
// Pure: run-generation feeds it and decides what to store.
import type { StreamEventBody } from '@/types/streaming';
import type { FileMap } from '@/types/versioning';
import type { ParsedBlockEvent } from './file-blocks/file-block-parser';
import { countNewlines } from './file-blocks/file-block-content';
import { createEditCollector } from './edit-collector';
import { formatCompactJson, formatEditedJson } from './json-format';

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
  /** Edits that did not apply (a hunk matched nowhere, or in several places): asked for again in full. */
  failedEdits: Array<{ path: string; reason: string }>;
}

export interface OutputCollector {
  /** Stream events for one parser event. */
  accept(event: ParsedBlockEvent): StreamEventBody[];
  /** The failed edits are being asked for again in full: they stop counting as failed until finishRewrites(). */
  retryFailedEdits(): void;
  /** The follow-up call has ended: a file it did not write again is a failed edit once more. */
  finishRewrites(): void;
  readonly output: CollectedOutput;
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
    failedEdits: [],
  };
  /** The 1-based line the next chunk of each open file starts on. */
  const nextLine = new Map<string, number>();
  const currentContent = (path: string) => (path in output.writtenFiles ? output.writtenFiles[path] : output.deletedFiles.includes(path) ? undefined : baseFiles[path]);
  const edits = createEditCollector(currentContent);
  let rewriting: Array<{ path: string; reason: string }> = [];

  const fileWritten = (path: string, content: string): StreamEventBody => {
    output.writtenFiles[path] = content;
    output.deletedFiles = output.deletedFiles.filter((deleted) => deleted !== path);
    output.failedEdits = output.failedEdits.filter((failed) => failed.path !== path);
    rewriting = rewriting.filter((pending) => pending.path !== path);
    return { type: 'file:complete', filePath: path, operation: path in baseFiles ? 'modified' : 'created' };
  };

  return {
    output,
    retryFailedEdits() {
      rewriting = output.failedEdits;
      output.failedEdits = [];
    },
    finishRewrites() {
      output.failedEdits.push(...rewriting.map((pending) => ({ path: pending.path, reason: `${pending.reason}, and the model did not write it again in full` })));
      rewriting = [];
    },
    accept(event) {
      switch (event.kind) {
        case 'edit:start':
        case 'edit:search':
        case 'edit:chunk':
        case 'edit:hunk':
          return edits.accept(event);
        case 'edit:end': {
          const before = currentContent(event.path) ?? '';
          const result = edits.end(event.path);
          if (!result.ok) {
            output.failedEdits.push({ path: event.path, reason: result.reason });
            return [];
          }
          // An edited JSON file is formatted again, so its hunks may leave out indentation.
          const formatted = formatEditedJson(event.path, before, result.content);
          const complete = fileWritten(event.path, formatted ?? result.content);
          return [formatted === null ? complete : { ...complete, content: formatted }];
        }
        case 'edit:truncated':
          output.truncatedFiles.push(event.path);
          return [];
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
        case 'file:end': {
          nextLine.delete(event.path);
          // JSON written compact (as the prompt asks, to save tokens) is saved formatted; the event
          // carries the saved text so the viewer shows what was saved.
          const formatted = formatCompactJson(event.path, event.content);
          const complete = fileWritten(event.path, formatted ?? event.content);
          return [formatted === null ? complete : { ...complete, content: formatted }];
        }
        case 'file:rejected':
          edits.discard(event.path);
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
  if (output.failedEdits.length) {
    parts.push(`These edits did not apply, so the files were left out: ${output.failedEdits.map((f) => `${f.path} (${f.reason})`).join('; ')}.`);
  }
  if (output.rejected.length) {
    parts.push(`Skipped ${output.rejected.length} file(s): ${output.rejected.map((r) => `${r.path} (${r.reason})`).join('; ')}.`);
  }
  return parts.join('\n\n').trim();
}
