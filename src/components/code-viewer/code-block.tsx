import { memo, type Ref } from 'react';
import type { Token } from 'prism-react-renderer';
import type { EditedLines } from '@/workspace/stream/streamed-edit';
import { plainTextOfLines } from './code-block-model';
import { CodeLine, TRAIL_LENGTH } from './code-line';

interface CodeBlockProps {
  /** Its place among the file's blocks, for the near-viewport observer. */
  index: number;
  /** A run of consecutive lines of the file. */
  lines: Token[][];
  /** Far from the viewport: drawn as plain text, one node, with the same text and height. */
  plain: boolean;
  /** 1-based number of the first of them. */
  firstLineNumber: number;
  /** The file's last line is in this block. */
  endsFile: boolean;
  /** Set on the block with the write position: the caret goes after line `caretLineNumber`. */
  caretRef: Ref<HTMLSpanElement> | null;
  /** The line the caret follows: the file's last while it is written whole, a hunk's last while it is edited. */
  caretLineNumber: number | null;
  /** The hunk being typed into an edited file, given only to the blocks it touches. */
  editedLines: EditedLines | null;
  /** Lines numbered from here on were written while on screen; Infinity once writing is over. */
  freshFromLineNumber: number;
  /** The number of the file's last line, where the model writes. */
  writeLineNumber: number;
}

const BLOCK_STYLE = '[content-visibility:auto]';

/**
 * A run of lines, skipped by layout and paint while off screen (content-visibility), and not
 * rendered again while its lines keep their identity: during streaming only the last block changes.
 * A plain block keeps the gutter's width as padding, so its lines wrap, and measure, as highlighted ones.
 */
export const CodeBlock = memo(
  function CodeBlock({
    index,
    lines,
    plain,
    firstLineNumber,
    endsFile,
    caretRef,
    caretLineNumber,
    editedLines,
    freshFromLineNumber,
    writeLineNumber,
  }: CodeBlockProps) {
    const intrinsicSize = { containIntrinsicSize: `auto ${lines.length * 1.6}em` };
    if (plain) {
      return (
        <div data-block={index} className={`${BLOCK_STYLE} pr-6 pl-12 whitespace-pre-wrap [overflow-wrap:anywhere]`} style={intrinsicSize}>
          {plainTextOfLines(lines, endsFile)}
        </div>
      );
    }
    return (
      <div data-block={index} className={BLOCK_STYLE} style={intrinsicSize}>
        {lines.map((tokens, index) => {
          const lineNumber = firstLineNumber + index;
          const last = endsFile && index === lines.length - 1;
          return (
            <CodeLine
              key={lineNumber}
              tokens={tokens}
              lineNumber={lineNumber}
              last={last}
              caretRef={lineNumber === caretLineNumber ? caretRef : null}
              recency={lineNumber >= freshFromLineNumber ? Math.max(0, TRAIL_LENGTH - (writeLineNumber - lineNumber)) : 0}
              edited={editedLines !== null && lineNumber >= editedLines.from && lineNumber <= editedLines.to}
            />
          );
        })}
      </div>
    );
  },
  (before, after) =>
    before.index === after.index &&
    before.plain === after.plain &&
    before.firstLineNumber === after.firstLineNumber &&
    before.endsFile === after.endsFile &&
    before.caretRef === after.caretRef &&
    before.caretLineNumber === after.caretLineNumber &&
    before.editedLines?.from === after.editedLines?.from &&
    before.editedLines?.to === after.editedLines?.to &&
    before.freshFromLineNumber === after.freshFromLineNumber &&
    // The trail only reaches into a block near the write position.
    (before.writeLineNumber === after.writeLineNumber ||
      Math.min(before.writeLineNumber, after.writeLineNumber) - TRAIL_LENGTH > before.firstLineNumber + before.lines.length) &&
    // The block splitter hands back the same array while the block's lines are the same.
    before.lines === after.lines,
);
