import { memo, type Ref } from 'react';
import type { Token } from 'prism-react-renderer';
import { CodeLine, TRAIL_LENGTH } from './code-line';

interface CodeBlockProps {
  /** A run of consecutive lines of the file. */
  lines: Token[][];
  /** 1-based number of the first of them. */
  firstLineNumber: number;
  /** The file's last line is in this block. */
  endsFile: boolean;
  /** Set on the block with the write position: the caret goes after its last line. */
  caretRef: Ref<HTMLSpanElement> | null;
  /** Lines numbered from here on were written while on screen; Infinity once writing is over. */
  freshFromLineNumber: number;
  /** The number of the file's last line, where the model writes. */
  writeLineNumber: number;
}

/**
 * A run of lines, skipped by layout and paint while off screen (content-visibility), and not
 * rendered again while its lines keep their identity: during streaming only the last block changes.
 */
export const CodeBlock = memo(
  function CodeBlock({ lines, firstLineNumber, endsFile, caretRef, freshFromLineNumber, writeLineNumber }: CodeBlockProps) {
    return (
      <div className="[content-visibility:auto]" style={{ containIntrinsicSize: `auto ${lines.length * 1.6}em` }}>
        {lines.map((tokens, index) => {
          const lineNumber = firstLineNumber + index;
          const last = endsFile && index === lines.length - 1;
          return (
            <CodeLine
              key={lineNumber}
              tokens={tokens}
              lineNumber={lineNumber}
              last={last}
              caretRef={last ? caretRef : null}
              recency={lineNumber >= freshFromLineNumber ? Math.max(0, TRAIL_LENGTH - (writeLineNumber - lineNumber)) : 0}
            />
          );
        })}
      </div>
    );
  },
  (before, after) =>
    before.firstLineNumber === after.firstLineNumber &&
    before.endsFile === after.endsFile &&
    before.caretRef === after.caretRef &&
    before.freshFromLineNumber === after.freshFromLineNumber &&
    // The trail only reaches into a block near the write position.
    (before.writeLineNumber === after.writeLineNumber ||
      Math.min(before.writeLineNumber, after.writeLineNumber) - TRAIL_LENGTH > before.firstLineNumber + before.lines.length) &&
    before.lines.length === after.lines.length &&
    before.lines.every((line, index) => line === after.lines[index]),
);
