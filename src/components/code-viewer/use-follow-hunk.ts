'use client';

import { useEffect, type RefObject } from 'react';
import type { EditedLines } from '@/workspace/stream/streamed-edit';

/** Room kept around the hunk while following it. */
const HUNK_MARGIN_PX = 48;

/**
 * Keeps the hunk being typed into an edited file in view: a hunk that opens out of view (above as
 * well as below: hunks need not come in file order) is brought to a third of the way down, and a
 * hunk that grows past the bottom scrolls on with its caret (a hunk taller than the view then
 * leaves its start behind, as the typing line of a whole file does). `lines` is null when not
 * following. Measures once per change of the hunk's lines, not per typing step.
 */
export function useFollowHunk(
  preRef: RefObject<HTMLElement | null>,
  caretRef: RefObject<HTMLElement | null>,
  lines: EditedLines | null,
): void {
  const from = lines?.from ?? null;
  const to = lines?.to ?? null;

  useEffect(() => {
    const pre = preRef.current;
    const scroller = pre?.closest<HTMLElement>('[data-code-scroller]');
    const first = pre?.querySelector<HTMLElement>('[data-testid="edit-hunk-line"]');
    if (from === null || !scroller || !first) return;
    const view = scroller.getBoundingClientRect();
    const top = first.getBoundingClientRect().top;
    if (top < view.top + HUNK_MARGIN_PX || top > view.bottom - HUNK_MARGIN_PX) scroller.scrollTop += top - (view.top + view.height / 3);
  }, [preRef, from]);

  useEffect(() => {
    const pre = preRef.current;
    const scroller = pre?.closest<HTMLElement>('[data-code-scroller]');
    const caret = caretRef.current;
    if (to === null || !scroller || !caret) return;
    const overflow = caret.getBoundingClientRect().bottom - (scroller.getBoundingClientRect().bottom - HUNK_MARGIN_PX);
    if (overflow > 0) scroller.scrollTop += overflow;
  }, [preRef, caretRef, to]);
}
