// What the file-block parser's tests share: running it over chunks, and reading its events the way
// whoever consumes them does, whatever the chunking. Test code only.
import { createFileBlockParser, type FileBlockParserOptions, type ParsedBlockEvent } from './file-block-parser';

/** Runs the parser over the chunks, returning every event as it was emitted. */
export function parseChunks(chunks: string[], options?: FileBlockParserOptions): ParsedBlockEvent[] {
  const parser = createFileBlockParser(options);
  return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
}

/** Consecutive file:chunk (or edit:chunk) events of one block merged, so outputs split differently compare equal. */
export function mergeChunks(events: ParsedBlockEvent[]): ParsedBlockEvent[] {
  const merged: ParsedBlockEvent[] = [];
  for (const event of events) {
    const previous = merged.at(-1);
    if ((event.kind === 'edit:chunk' || event.kind === 'file:chunk') && previous?.kind === event.kind && previous.path === event.path) {
      merged[merged.length - 1] = { ...previous, text: previous.text + event.text };
    } else {
      merged.push(event);
    }
  }
  return merged;
}

/** The whole text in one chunk, its chunks merged. */
export function parse(text: string, options?: FileBlockParserOptions): ParsedBlockEvent[] {
  return mergeChunks(parseChunks([text], options));
}
