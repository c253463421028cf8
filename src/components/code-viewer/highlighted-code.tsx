'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { startCaretBlink } from '@/components/code-viewer/caret-blink';
import { useNearBlocks } from '@/components/code-viewer/use-near-blocks';
import { useRevealedText } from '@/components/code-viewer/use-revealed-text';
import { createGrowingTokenizer } from './chunked-tokens';
import { CodeBlock } from './code-block';
import { createBlockSplitter, LINES_PER_BLOCK } from './code-block-model';
import { PLAIN_TEXT_COLOR } from './code-theme';
import { linesTouch, revealEdit, type HunkPosition } from './edit-reveal';
import { createEditedTokenizer } from './edited-tokens';
import { useFollowHunk } from './use-follow-hunk';

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
  /** The model is writing here: received text types out, with a blinking caret after it. */
  writing: boolean;
  /** Keep the caret in view as the code grows. */
  followCaret: boolean;
  source: 'stream' | 'saved';
  /**
   * Set while the model edits this file hunk by hunk: the text types at the hunk's cursor instead
   * of the end, and the hunk's lines are highlighted.
   */
  hunk: HunkPosition | null;
}

/**
 * The code of one file, inside a scroller marked `data-code-scroller`. Line numbers are drawn by
 * CSS from `data-line` and lines are joined by real newlines, so the element's text is exactly the
 * file's content (tests compare them); while it is being written, the part typed out so far.
 */
export function HighlightedCode({ path, code, writing, followCaret, source, hunk }: HighlightedCodeProps) {
  const caretRef = useRef<HTMLSpanElement>(null);
  const preRef = useRef<HTMLPreElement>(null);
  const revealed = useRevealedText(code, writing);
  const { typing, revealing } = revealed;
  const edit = writing && hunk ? revealEdit(code, revealed.hidden, hunk) : null;
  const shown = edit ? edit.shown : revealed.shown;
  const editedLines = edit?.lines ?? null;
  const language = languageForPath(path);
  // Lines already there when the file came on screen are not news; only later ones flash.
  const [freshFromLine] = useState(() => (code.length === 0 ? 0 : code.split('\n').length));
  // Keeps the tokens of the file's settled start between renders (see chunked-tokens): each frame
  // of the typing animation tokenizes only the last lines.
  const [tokenizer] = useState(createGrowingTokenizer);
  // An edit changes the middle of the file, where the growing tokenizer would start over on every step.
  const [editedTokenizer] = useState(createEditedTokenizer);
  const [blockSplitter] = useState(createBlockSplitter);
  const editing = editedLines !== null;
  const lines = useMemo(
    () => (editing ? editedTokenizer : tokenizer).linesOf(shown, language),
    [editing, editedTokenizer, tokenizer, shown, language],
  );
  const lineBlocks = useMemo(() => blockSplitter.blocksOf(lines), [blockSplitter, lines]);
  const nearBlocks = useNearBlocks(preRef, lineBlocks.length);

  // Scroll down only: following the caret sideways would hide the line numbers on long lines.
  // The code grows a line taller when the caret needs following, so a ResizeObserver says when: its
  // callback runs after the browser's own layout of the frame, where measuring is free. Measuring
  // after each React commit instead forced a layout per commit, two in a frame when a stream batch
  // and a typing step both committed.
  useEffect(() => {
    const pre = preRef.current;
    const scroller = pre?.closest<HTMLElement>('[data-code-scroller]');
    if (!followCaret || !pre || !scroller) return;
    const observer = new ResizeObserver(() => {
      const caret = caretRef.current;
      if (!caret) return;
      const overflow = caret.getBoundingClientRect().bottom - (scroller.getBoundingClientRect().bottom - CARET_MARGIN_PX);
      if (overflow > 0) scroller.scrollTop += overflow;
    });
    // The scroller too: a smaller window can also push the caret out of view.
    observer.observe(pre);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [followCaret]);
  useFollowHunk(preRef, caretRef, followCaret ? editedLines : null);

  // The caret blinks only while it waits for text; while text types out it moves anyway, as an
  // editor's caret holds still while someone types. Not at all when the person prefers reduced motion.
  const blinking = typing && !revealing;
  useEffect(() => {
    const pre = preRef.current;
    if (!blinking || !pre) return;
    return startCaretBlink((visible) => pre.toggleAttribute('data-caret-hidden', !visible));
  }, [blinking]);

  // The model writes at the file's end, or after the last line typed into an edit's hunk.
  const caretLine = editedLines ? editedLines.to : lines.length;
  const blocks = lineBlocks.map((blockLines, index) => {
    const endsFile = index === lineBlocks.length - 1;
    const firstLineNumber = index * LINES_PER_BLOCK + 1;
    const holdsCaret = writing && linesTouch(firstLineNumber, blockLines.length, { from: caretLine, to: caretLine });
    const touchesHunk = linesTouch(firstLineNumber, blockLines.length, editedLines);
    return (
      <CodeBlock
        key={index}
        index={index}
        lines={blockLines}
        // The blocks with the write position and the hunk are always drawn: the caret and highlight live there.
        plain={!endsFile && !holdsCaret && !touchesHunk && !nearBlocks.has(index)}
        firstLineNumber={firstLineNumber}
        endsFile={endsFile}
        caretRef={holdsCaret ? caretRef : null}
        caretLineNumber={holdsCaret ? caretLine : null}
        editedLines={touchesHunk ? editedLines : null}
        // Nothing flashes once writing is over (a saved file's lines are not news), nor in an edit,
        // whose new lines are highlighted instead.
        freshFromLineNumber={writing && !editedLines ? freshFromLine + 1 : Number.POSITIVE_INFINITY}
        writeLineNumber={lines.length}
      />
    );
  });

  return (
    <pre
      ref={preRef}
      data-testid="code-view"
      data-path={path}
      data-source={source}
      data-writing={writing}
      data-editing={editedLines !== null}
      // Off when the person prefers reduced motion: received text then shows at once.
      data-typing={typing}
      aria-label={`Code of ${path}`}
      // While the view follows the caret, the lines scroll under a resting mouse pointer at every
      // typing step, and each step sent four pointer and mouse over/out events through React's
      // root listener (about a thousand of each while a 27-file version typed out). Nobody selects
      // text that scrolls away under them; once the file is written, or the person picks a file,
      // scrolls back or presses in the code (streaming-code-viewer.tsx), the lines take the pointer again.
      className={`group/code py-3 font-mono text-[13px] leading-[1.6] ${followCaret ? 'pointer-events-none' : ''}`}
      style={{ color: PLAIN_TEXT_COLOR }}
    >
      {blocks}
    </pre>
  );
}
