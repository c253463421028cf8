// The offline model: the deterministic scaffolder behind the ModelAdapter port, used when no model
// is connected. It composes its whole answer up front (answer/compose-answer.ts), then types it out
// in small chunks, so the workspace streams exactly as it does with a real model. The answer is made
// in four stages, in this order: understand/ reads the prompt into an intent, plan/ turns it into the
// next API schema (or a refusal), render/ writes that schema out as the generated project's files,
// and answer/ puts plan, files and summary into the output format. See docs/architecture.md.
import { setTimeout as sleep } from 'node:timers/promises';
import type { GenerationRequest, ModelAdapter } from '../ports';
import { composeOfflineAnswer } from './answer/compose-answer';

const DEFAULT_CHUNK_SIZE = 24;

function abortError(): Error {
  const error = new Error('The offline generation was aborted');
  error.name = 'AbortError';
  return error;
}

/** The text cut into pieces of `size` characters, never splitting a surrogate pair. */
function splitIntoChunks(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end += 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

/**
 * `chunkDelayMs` is the pause between chunks (0: none, for tests; still many chunks).
 * Aborting `signal` stops the stream promptly with an error named AbortError.
 */
/** The offline model writes on the main channel only, so its stream is plain text. */
export type OfflineModel = Omit<ModelAdapter, 'stream'> & { stream(request: GenerationRequest, options: { signal: AbortSignal }): AsyncIterable<string> };

export function createOfflineModel(options: { chunkDelayMs: number; chunkSize?: number }): OfflineModel {
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  return {
    name: 'offline',
    async *stream(request, { signal }) {
      const chunks = splitIntoChunks(composeOfflineAnswer(request), chunkSize);
      for (const [index, chunk] of chunks.entries()) {
        if (signal.aborted) throw abortError();
        if (index > 0 && options.chunkDelayMs > 0) {
          await sleep(options.chunkDelayMs, undefined, { signal }).catch(() => {
            throw abortError();
          });
        }
        yield chunk;
      }
    },
  };
}
