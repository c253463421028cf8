// Recovering an answer the model stopped writing too early (docs/architecture.md, "Model output"):
// it hit its output limit (`finish_reason: "length"`) or ended inside a <file> or <edit> block.
// A continuation call gets the text so far as the assistant's turn and is asked to go on from the
// next character; what it writes is joined to the text so far here. Pure.
import { createFileBlockParser } from '../file-blocks/file-block-parser';
import type { PromptMessage } from '../prompts';

/** Continuation calls per model call; after them a cut file stays cut and the version fails. */
export const MAX_CONTINUATIONS = 2;

export const CONTINUE_PROMPT =
  'Your answer was cut off. Continue it exactly where it stopped: start with the very next character ' +
  'of the unfinished text, repeat nothing, and keep the same format until the answer is complete.';

export function continuationMessages(messages: PromptMessage[], textSoFar: string): PromptMessage[] {
  return [...messages, { role: 'assistant', content: textSoFar }, { role: 'user', content: CONTINUE_PROMPT }];
}

export interface OpenBlock {
  kind: 'file' | 'edit';
  path: string;
  /** For a file block, its content so far. */
  content: string;
}

/** The block the text ends inside of, if any: what a continuation has to finish. */
export function openBlockAtEnd(text: string): OpenBlock | null {
  const parser = createFileBlockParser();
  const events = [...parser.push(text), ...parser.end()];
  for (const event of events) {
    if (event.kind === 'file:truncated') return { kind: 'file', path: event.path, content: event.content };
    if (event.kind === 'edit:truncated') return { kind: 'edit', path: event.path, content: '' };
  }
  return null;
}

/** What a cut answer is missing, in the words the chat uses; null when it is not cut. */
export function describeCut(open: OpenBlock | null, finishReason: string | null): string | null {
  if (open) return `in the middle of ${open.path}`;
  return finishReason === 'length' ? 'at the model\'s output limit' : null;
}

/** How long a repeated partial line must be before it counts as a repeat rather than a coincidence. */
const MIN_REPEATED_LINE = 8;
/** A restarted file is told apart from a continuation only once this much of it has arrived. */
const DECIDE_AFTER_CHARS = 64;

/** The continuation started the open file over with different text: it cannot be joined. */
export class ContinuationMismatch extends Error {
  constructor(readonly path: string) {
    super(`the continuation started ${path} over with different text`);
  }
}

export interface ContinuationJoiner {
  /** Text of the continuation as it arrives; returns what to pass on. Throws ContinuationMismatch. */
  push(text: string): string;
  /** The continuation ended; returns what is left to pass on. */
  end(): string;
}

const LEADING_FENCE = /^[ \t]*(?:```|~~~)[^\n]*\n/;

/**
 * Models asked to continue usually do, but some repeat the unfinished last line, wrap their answer
 * in a fence, or start the open file again from its first line. The joiner holds back the start of
 * the continuation until it can tell, and drops exactly the repeated part: a partial last line
 * repeated from its start, a leading fence line, or a restarted file whose text so far is repeated
 * word for word. Anything else passes on as it is, so a continuation that starts with the same
 * characters as real code is never cut (lines repeated in full are left alone for that reason).
 */
export function createContinuationJoiner(textSoFar: string, open: OpenBlock | null = openBlockAtEnd(textSoFar)): ContinuationJoiner {
  const lastLine = textSoFar.slice(textSoFar.lastIndexOf('\n') + 1);
  const restartTag = open?.kind === 'file' ? `<file path="${open.path}">` : null;
  let held = '';
  let deciding = true;

  /** The continuation with its repeated start removed, or null while it cannot be told yet. */
  function decide(text: string, final: boolean): string | null {
    const unfenced = text.replace(LEADING_FENCE, '');
    if (!final && unfenced.length < DECIDE_AFTER_CHARS && text.length < 4096) {
      // Too early unless it has already gone its own way.
      const couldRepeatLine = lastLine.length >= MIN_REPEATED_LINE && lastLine.startsWith(unfenced);
      const couldRestart = restartTag !== null && (restartTag.startsWith(unfenced.trimStart()) || unfenced.trimStart().startsWith(restartTag));
      const couldBeFence = /^[ \t]*(?:`{1,3}|~{1,3})/.test(text) && !text.includes('\n');
      if (couldRepeatLine || couldRestart || couldBeFence) return null;
    }
    if (restartTag && open && unfenced.trimStart().startsWith(restartTag)) {
      const restarted = unfenced.trimStart().slice(restartTag.length).replace(/^\r?\n/, '');
      if (restarted.startsWith(open.content)) return restarted.slice(open.content.length);
      // Still repeating what was written: wait for the rest of it.
      if (!final && open.content.startsWith(restarted)) return null;
      throw new ContinuationMismatch(open.path);
    }
    if (lastLine.length >= MIN_REPEATED_LINE && unfenced.startsWith(lastLine)) return unfenced.slice(lastLine.length);
    return unfenced;
  }

  return {
    push(text) {
      if (!deciding) return text;
      held += text;
      const decided = decide(held, false);
      if (decided === null) return '';
      deciding = false;
      held = '';
      return decided;
    },
    end() {
      if (!deciding) return '';
      deciding = false;
      return decide(held, true) ?? '';
    },
  };
}
