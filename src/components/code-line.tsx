import { memo, type Ref } from 'react';
import type { RenderProps, Token } from 'prism-react-renderer';

interface CodeLineProps {
  tokens: Token[];
  lineNumber: number;
  last: boolean;
  /** Given on the line the model is writing: a blinking caret goes after its last character. */
  caretRef: Ref<HTMLSpanElement> | null;
  getLineProps: RenderProps['getLineProps'];
  getTokenProps: RenderProps['getTokenProps'];
}

function sameTokens(a: Token[], b: Token[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((token, index) => {
    const other = b[index]!;
    return token.content === other.content && token.empty === other.empty && token.types.join(' ') === other.types.join(' ');
  });
}

/**
 * One highlighted line. While a file streams only its last lines change, so lines compare by
 * their tokens and the rest of a long file is not rendered again for every chunk.
 */
export const CodeLine = memo(
  function CodeLine({ tokens, lineNumber, last, caretRef, getLineProps, getTokenProps }: CodeLineProps) {
    const { className, style, ...lineProps } = getLineProps({ line: tokens });
    return (
      <div {...lineProps} style={{ ...style, backgroundColor: undefined }} className={`${className} pr-6 [contain-intrinsic-size:auto_1.6em] [content-visibility:auto] ${caretRef ? 'bg-sky-400/[0.06]' : ''}`}>
        <span
          data-line={lineNumber}
          aria-hidden="true"
          className="sticky left-0 inline-block w-12 bg-[#1b1b1d] pr-4 text-right text-zinc-600 select-none before:content-[attr(data-line)]"
        />
        {tokens.map((token, index) => (token.empty ? null : <span key={index} {...getTokenProps({ token })} />))}
        {caretRef && (
          <span
            ref={caretRef}
            aria-hidden="true"
            className="ml-px inline-block h-[1.1em] w-[0.55em] translate-y-[0.2em] animate-caret bg-sky-400/90"
          />
        )}
        {last ? null : '\n'}
      </div>
    );
  },
  // The prop getters are rebuilt on every render but always give the same styles for one theme.
  (before, after) =>
    before.lineNumber === after.lineNumber &&
    before.last === after.last &&
    before.caretRef === after.caretRef &&
    sameTokens(before.tokens, after.tokens),
);
