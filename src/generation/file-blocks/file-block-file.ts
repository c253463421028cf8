// Reading the body of one <file path="..."> block, after its opening tag, up to `</file>`. The
// format's rules are in file-block-parser.ts's header. Pure.
import { describeBytes, FILE_CLOSE, heldBackLength, utf8Length } from './file-block-content';
import type { BlockBodyReader, BlockBodyReaderOptions } from './file-block-events';

export function createFileBodyReader(options: BlockBodyReaderOptions): BlockBodyReader {
  const { path, maxBytes, emit } = options;
  /** False once rejected: the rest of the block is read but dropped. */
  let accepted = options.accepted;
  /** True until the optional newline after the opening tag has been dealt with. */
  let atContentStart = true;
  let content = '';
  let bytes = 0;

  /** Adds content to the file, unless that would take it past the size limit. */
  function release(text: string): void {
    if (!accepted || text === '') return;
    bytes += utf8Length(text);
    if (bytes > maxBytes) {
      accepted = false;
      emit({ kind: 'file:rejected', path, reason: `the file is larger than ${describeBytes(maxBytes)}` });
      return;
    }
    content += text;
    emit({ kind: 'file:chunk', path, text });
  }

  return {
    read(text, final) {
      let skipped = 0;
      if (atContentStart) {
        const undecided = text === '' || text === '\r';
        if (undecided && !final) return { used: 0, done: false };
        if (text.startsWith('\n')) skipped = 1;
        else if (text.startsWith('\r\n')) skipped = 2;
        atContentStart = false;
      }
      const closeAt = text.indexOf(FILE_CLOSE, skipped);
      if (closeAt !== -1) {
        release(text.slice(skipped, closeAt));
        if (accepted) emit({ kind: 'file:end', path, content });
        return { used: closeAt + FILE_CLOSE.length, done: true };
      }
      if (final) {
        release(text.slice(skipped));
        if (accepted) emit({ kind: 'file:truncated', path, content });
        return { used: text.length, done: true };
      }
      const keep = heldBackLength(text.slice(skipped));
      release(text.slice(skipped, text.length - keep));
      return { used: text.length - keep, done: false };
    },
  };
}
