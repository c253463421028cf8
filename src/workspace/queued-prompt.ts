// The one prompt a person can queue while a version runs, and what becomes of it when that run
// ends. Pure: each step returns the next state and what the chat input must do about it (send the
// prompt, or put text back in the box), so every rule is tested without React.

export type QueuedPrompt =
  | { kind: 'none' }
  /** `replacedEarlier`: Enter was pressed again while one was queued; the newest one stays. */
  | { kind: 'queued'; prompt: string; replacedEarlier: boolean }
  /** The run ended and the prompt went out; nothing can be queued until its answer is in. */
  | { kind: 'sending'; prompt: string };

export const NO_QUEUED_PROMPT: QueuedPrompt = { kind: 'none' };

export type QueuedPromptEvent =
  | { type: 'queue'; prompt: string }
  /** Back into the box to change it: it is no longer queued. */
  | { type: 'edit' }
  | { type: 'cancel' }
  /** `stoppedByUser`: the person took control, so nothing is sent behind their back. */
  | { type: 'run-ended'; stoppedByUser: boolean }
  | { type: 'sent' }
  | { type: 'send-failed' };

export interface QueuedPromptStep {
  state: QueuedPrompt;
  /** Send this prompt now. */
  send: string | null;
  /** Put this text back in the box, so it is never lost. */
  restore: string | null;
}

const unchanged = (state: QueuedPrompt): QueuedPromptStep => ({ state, send: null, restore: null });

export function stepQueuedPrompt(state: QueuedPrompt, event: QueuedPromptEvent): QueuedPromptStep {
  switch (event.type) {
    case 'queue':
      if (state.kind === 'sending' || event.prompt.trim() === '') return unchanged(state);
      return { state: { kind: 'queued', prompt: event.prompt, replacedEarlier: state.kind === 'queued' }, send: null, restore: null };
    case 'edit':
      return state.kind === 'queued' ? { state: NO_QUEUED_PROMPT, send: null, restore: state.prompt } : unchanged(state);
    case 'cancel':
      return state.kind === 'queued' ? unchanged(NO_QUEUED_PROMPT) : unchanged(state);
    case 'run-ended':
      if (state.kind !== 'queued') return unchanged(state);
      if (event.stoppedByUser) return { state: NO_QUEUED_PROMPT, send: null, restore: state.prompt };
      return { state: { kind: 'sending', prompt: state.prompt }, send: state.prompt, restore: null };
    case 'sent':
      return state.kind === 'sending' ? unchanged(NO_QUEUED_PROMPT) : unchanged(state);
    case 'send-failed':
      return state.kind === 'sending' ? { state: NO_QUEUED_PROMPT, send: null, restore: state.prompt } : unchanged(state);
  }
}

/** The box after text comes back into it: what was typed meanwhile stays, after the returned prompt. */
export function withRestoredPrompt(draft: string, restored: string): string {
  return draft.trim() === '' ? restored : `${restored}\n\n${draft}`;
}

const PREVIEW_CHARS = 48;

/** The prompt's first words, for the chip: whole words, on one line, cut with an ellipsis. */
export function queuedPromptPreview(prompt: string, maxChars = PREVIEW_CHARS): string {
  const words = prompt.trim().split(/\s+/);
  let preview = '';
  for (const word of words) {
    const next = preview ? `${preview} ${word}` : word;
    if (next.length > maxChars) return `${preview || word.slice(0, maxChars)}…`;
    preview = next;
  }
  return preview;
}

function whenRunEnds(runningNumber: number | null): string {
  return runningNumber === null ? 'when this version ends' : `when v${runningNumber} ends`;
}

/** What the chip says before the prompt's first words. */
export function queuedPromptLabel(state: QueuedPrompt, runningNumber: number | null): string | null {
  if (state.kind === 'none') return null;
  if (state.kind === 'sending') return 'Sending';
  return `${state.replacedEarlier ? 'Queued (replaced the earlier one)' : 'Queued'}: sends ${whenRunEnds(runningNumber)}`;
}

/** The box's placeholder: while a version runs, what Enter does now. */
export function chatInputPlaceholder(generating: boolean, state: QueuedPrompt, runningNumber: number | null): string {
  if (!generating) return 'Ask for a change…';
  if (state.kind === 'queued') return 'Enter replaces the queued prompt…';
  return `Type the next prompt: it sends ${whenRunEnds(runningNumber)}`;
}
