'use client';

import { Highlight, themes } from 'prism-react-renderer';
import { useEffect, useRef } from 'react';
import { CodeLine } from './code-line';

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'jsx',
  json: 'json',
  md: 'markdown',
  yml: 'yaml',
  yaml: 'yaml',
  sql: 'sql',
};

function languageForPath(path: string): string {
  const extension = path.split('.').pop()?.toLowerCase() ?? '';
  // Prism leaves text in a language it has no grammar for unhighlighted.
  return LANGUAGE_BY_EXTENSION[extension] ?? 'plaintext';
}

/** Room kept below the caret while following it. */
const CARET_MARGIN_PX = 48;

interface HighlightedCodeProps {
  path: string;
  code: string;
  /** Show a blinking caret after the last character: the model is writing here. */
  writing: boolean;
  /** Keep the caret in view as the code grows. */
  followCaret: boolean;
  source: 'stream' | 'saved';
}

/**
 * The code of one file, inside a scroller marked `data-code-scroller`. Line numbers are drawn by
 * CSS from `data-line` and lines are joined by real newlines, so the element's text is exactly the
 * file's content (tests compare them).
 */
export function HighlightedCode({ path, code, writing, followCaret, source }: HighlightedCodeProps) {
  const caretRef = useRef<HTMLSpanElement>(null);

  // Scroll down only: following the caret sideways would hide the line numbers on long lines.
  useEffect(() => {
    const caret = caretRef.current;
    const scroller = caret?.closest<HTMLElement>('[data-code-scroller]');
    if (!followCaret || !caret || !scroller) return;
    const overflow = caret.getBoundingClientRect().bottom - (scroller.getBoundingClientRect().bottom - CARET_MARGIN_PX);
    if (overflow > 0) scroller.scrollTop += overflow;
  }, [followCaret, code.length]);

  return (
    <Highlight theme={themes.vsDark} code={code} language={languageForPath(path)}>
      {({ tokens, getLineProps, getTokenProps }) => (
        <pre
          data-testid="code-view"
          data-path={path}
          data-source={source}
          data-writing={writing}
          aria-label={`Code of ${path}`}
          className="py-3 font-mono text-[13px] leading-[1.6] text-[#d4d4d4]"
        >
          {tokens.map((line, index) => {
            const last = index === tokens.length - 1;
            return (
              <CodeLine
                key={index}
                tokens={line}
                lineNumber={index + 1}
                last={last}
                caretRef={writing && last ? caretRef : null}
                getLineProps={getLineProps}
                getTokenProps={getTokenProps}
              />
            );
          })}
        </pre>
      )}
    </Highlight>
  );
}
