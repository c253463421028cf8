import { memo, type Ref } from 'react';
import type { Token } from 'prism-react-renderer';
import { tokenStyle } from './code-theme';

interface CodeLineProps {
  tokens: Token[];
  lineNumber: number;
  last: boolean;
  /** Given on the line the model is writing: a caret goes after its last character (highlighted-code.tsx blinks it). */
  caretRef: Ref<HTMLSpanElement> | null;
  /**
   * How recently the line was written, for the fading trail behind the write position: 3 for the
   * newest line, down to 0 for lines that are not news.
   */
  recency: number;
  /** The line is part of the hunk the model is typing into an edited file (edit-reveal.ts). */
  edited: boolean;
}

/**
 * Newly written lines stand out and fade as the model writes on. Static classes that move with the
 * write position rather than a CSS animation per line: no repaint on every frame, no animation events.
 */
const TRAIL_BACKGROUNDS = ['', 'bg-sky-400/[0.03]', 'bg-sky-400/[0.06]', 'bg-sky-400/[0.1]'];

export const TRAIL_LENGTH = TRAIL_BACKGROUNDS.length - 1;

/** A hunk's lines, marked as a diff marks added lines (diff-file-section.tsx), with a bar in the gutter. */
const EDITED_LINE = 'bg-emerald-500/15 shadow-[inset_2px_0_0_var(--color-emerald-400)]';

function sameTypes(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((type, index) => type === b[index]);
}

// Runs for every line the typing step tokenized again, so it compares without building strings.
function sameTokens(a: Token[], b: Token[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((token, index) => {
    const other = b[index]!;
    return token.content === other.content && token.empty === other.empty && sameTypes(token.types, other.types);
  });
}

/**
 * One highlighted line. While a file streams only its last lines change, so lines compare by
 * their tokens and the rest of a long file is not rendered again for every chunk. Tokens carry
 * inline colours only: Prism's class names (`token table`) would collide with Tailwind utilities.
 */
export const CodeLine = memo(
  function CodeLine({ tokens, lineNumber, last, caretRef, recency, edited }: CodeLineProps) {
    // Long lines wrap rather than scroll sideways: a sticky line-number gutter on every line would
    // make each line a composited layer, which made frames slow on long files.
    return (
      <div
        className={`flex pr-6 ${edited ? EDITED_LINE : (TRAIL_BACKGROUNDS[recency] ?? '')}`}
        data-testid={edited ? 'edit-hunk-line' : undefined}
      >
        <span
          data-line={lineNumber}
          aria-hidden="true"
          className="w-12 shrink-0 pr-4 text-right text-zinc-600 select-none before:content-[attr(data-line)]"
        />
        <span className="min-w-0 flex-1 whitespace-pre-wrap [overflow-wrap:anywhere]">
          {tokens.map((token, index) =>
            token.empty ? null : (
              <span key={index} style={tokenStyle(token)}>
                {token.content}
              </span>
            ),
          )}
          {caretRef && (
            <span
              ref={caretRef}
              data-testid="write-caret"
              aria-hidden="true"
              className="ml-px inline-block h-[1.1em] w-[0.55em] translate-y-[0.2em] bg-sky-400/90 group-data-[caret-hidden]/code:invisible"
            />
          )}
        </span>
        {last ? null : '\n'}
      </div>
    );
  },
  (before, after) =>
    before.lineNumber === after.lineNumber &&
    before.last === after.last &&
    before.caretRef === after.caretRef &&
    before.recency === after.recency &&
    before.edited === after.edited &&
    sameTokens(before.tokens, after.tokens),
);
