'use client';

import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useQueuedPrompt } from '@/hooks/use-queued-prompt';
import { MAX_PROMPT_LENGTH } from '@/shared/prompt-limits';
import { Icon } from '../ui/icon';
import { promptLengthHint } from './prompt-length';
import { chatInputPlaceholder } from '@/workspace/queued-prompt';
import { QueuedPromptChip } from './queued-prompt-chip';

interface ChatInputProps {
  /** Resolves true when the prompt was accepted; the box is cleared only then. */
  onSend: (prompt: string) => Promise<boolean>;
  onStop: () => void;
  /** "AI is generating v2…" while a version runs; a prompt sent then is queued until it ends. */
  generatingLabel: string | null;
  /** The running version's number ("sends when v2 ends"). */
  runningNumber: number | null;
  /** The run that just ended was stopped (by anyone): a queued prompt then comes back to the box instead of going out. */
  runStoppedByUser: boolean;
  isSending: boolean;
  isStopping: boolean;
  /** Why the last send or stop was refused (a CONFLICT, a too-long prompt, ...). */
  error: string | null;
  /** The version the next prompt builds on, when it is not the latest ("Building on v2"). */
  branchFromNumber: number | null;
  /** Goes back to building on the latest version. */
  onCancelBranch: () => void;
  /** Changes whenever the workspace wants the box focused (Branch from here). */
  focusRequest: number;
}

const MAX_HEIGHT_PX = 220;

export function ChatInput({
  onSend,
  onStop,
  generatingLabel,
  runningNumber,
  runStoppedByUser,
  isSending,
  isStopping,
  error,
  branchFromNumber,
  onCancelBranch,
  focusRequest,
}: ChatInputProps) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const generating = generatingLabel !== null;
  const queue = useQueuedPrompt({ running: generating, runStoppedByUser, onSend });
  const { draft: prompt, setDraft: setPrompt } = queue;
  // From Enter until the workspace has shown the new version: the text is still in the box, and a
  // second Enter must not send or queue it again.
  const [submitting, setSubmitting] = useState(false);
  const length = prompt.trim().length;
  const lengthHint = promptLengthHint(length, MAX_PROMPT_LENGTH);
  const tooLong = lengthHint?.over ?? false;
  const canSend = length > 0 && !tooLong && !isSending && !submitting && queue.queued.kind !== 'sending';

  // Grow with the text up to a limit, then scroll inside.
  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [prompt]);

  useEffect(() => {
    if (focusRequest > 0) textareaRef.current?.focus();
  }, [focusRequest]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    if (generating) return queue.queueDraft();
    setSubmitting(true);
    try {
      if (await onSend(prompt)) setPrompt('');
    } finally {
      setSubmitting(false);
    }
  }

  function editQueued() {
    queue.edit();
    textareaRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void submit(event);
  }

  return (
    <form onSubmit={submit} className="shrink-0 border-t border-zinc-800 bg-zinc-950 p-3">
      <div className="mb-2 flex min-h-4 flex-wrap items-center gap-x-3 gap-y-1 px-1 text-xs text-zinc-400">
        <p role="status" data-testid="chat-status" className="flex items-center gap-2">
          {generatingLabel && (
            <>
              <span className="size-1.5 rounded-full bg-sky-400" aria-hidden="true" />
              {generatingLabel}
            </>
          )}
        </p>
        <QueuedPromptChip queued={queue.queued} runningNumber={runningNumber} onEdit={editQueued} onCancel={queue.cancel} />
        {branchFromNumber !== null && (
          <p data-testid="branch-hint" className="flex items-center gap-1.5 rounded-full bg-sky-500/10 py-0.5 pr-1 pl-2 text-sky-200">
            <Icon name="branch" className="size-3" />
            Building on v{branchFromNumber}
            <button
              type="button"
              onClick={onCancelBranch}
              aria-label="Build on the latest version instead"
              title="Build on the latest version instead"
              className="rounded-full p-0.5 text-sky-300 hover:bg-sky-500/20 hover:text-white"
            >
              <Icon name="close" className="size-3" />
            </button>
          </p>
        )}
      </div>
      <div className="flex items-end gap-2 rounded-xl border border-zinc-800 bg-zinc-900 p-2 focus-within:border-sky-500/70 focus-within:ring-1 focus-within:ring-sky-500/40">
        <label htmlFor="chat-input" className="sr-only">
          Ask for a change
        </label>
        <textarea
          id="chat-input"
          ref={textareaRef}
          data-testid="chat-input"
          rows={1}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={lengthHint ? 'chat-input-length' : undefined}
          aria-invalid={tooLong}
          placeholder={chatInputPlaceholder(generating, queue.queued, runningNumber)}
          className="max-h-[220px] min-h-9 flex-1 resize-none bg-transparent px-2 py-1.5 text-sm text-zinc-100 placeholder:text-zinc-500 focus:outline-none"
        />
        {generating && (
          <button
            type="button"
            data-testid="chat-stop"
            onClick={() => {
              queue.noteStopPressed();
              onStop();
            }}
            disabled={isStopping}
            aria-label="Stop generating"
            title="Stop generating"
            className="flex size-9 shrink-0 items-center justify-center rounded-lg border border-zinc-700 text-zinc-200 hover:border-zinc-500 hover:text-white disabled:opacity-50"
          >
            <Icon name="stop" className="size-3.5 fill-current" />
          </button>
        )}
        <button
          type="submit"
          data-testid="chat-send"
          disabled={!canSend}
          aria-label={generating ? 'Queue' : 'Send'}
          title={generating ? 'Queue (Enter)' : 'Send (Enter)'}
          className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-white text-zinc-950 hover:bg-zinc-200 disabled:cursor-not-allowed disabled:opacity-30"
        >
          <Icon name="arrowUp" />
        </button>
      </div>
      <div className="mt-1.5 flex items-start justify-between gap-3 px-1 text-[11px]">
        {error ? (
          <p role="alert" data-testid="chat-error" className="text-xs text-red-300">
            {error}
          </p>
        ) : (
          <p className="hidden text-zinc-600 sm:block">Enter to send · Shift+Enter for a new line</p>
        )}
        {lengthHint && (
          <p id="chat-input-length" data-testid="chat-length" className={`ml-auto shrink-0 font-mono ${lengthHint.over ? 'text-red-300' : 'text-zinc-500'}`}>
            {lengthHint.text}
            {lengthHint.over && <span className="sr-only"> characters: too long to send</span>}
          </p>
        )}
      </div>
    </form>
  );
}
