'use client';

import { useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Icon } from './icon';

interface ChatInputProps {
  /** Resolves true when the prompt was accepted; the box is cleared only then. */
  onSend: (prompt: string) => Promise<boolean>;
  onStop: () => void;
  /** "Generating v2…" while a version runs; sending is disabled then. */
  generatingLabel: string | null;
  isSending: boolean;
  isStopping: boolean;
  /** Why the last send or stop was refused (a CONFLICT, a too-long prompt, ...). */
  error: string | null;
  /** Which version the next prompt builds on, when it is not the obvious one. */
  baseHint: string | null;
}

const MAX_HEIGHT_PX = 220;

export function ChatInput({ onSend, onStop, generatingLabel, isSending, isStopping, error, baseHint }: ChatInputProps) {
  const [prompt, setPrompt] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const generating = generatingLabel !== null;
  const canSend = prompt.trim().length > 0 && !generating && !isSending;

  // Grow with the text up to a limit, then scroll inside.
  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [prompt]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    if (await onSend(prompt)) setPrompt('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void submit(event);
  }

  return (
    <form onSubmit={submit} className="shrink-0 border-t border-zinc-800 bg-zinc-950 p-3">
      {(generatingLabel || baseHint) && (
        <p className="mb-2 flex items-center gap-2 px-1 text-xs text-zinc-400" role="status">
          {generatingLabel ? (
            <>
              <span className="size-1.5 animate-pulse rounded-full bg-sky-400" aria-hidden="true" />
              {generatingLabel}
            </>
          ) : (
            baseHint
          )}
        </p>
      )}
      <div className="flex items-end gap-2 rounded-xl border border-zinc-800 bg-zinc-900 p-2 focus-within:border-zinc-600">
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
          placeholder={generating ? 'Wait for this version, or stop it…' : 'Ask for a change…'}
          className="max-h-[220px] min-h-9 flex-1 resize-none bg-transparent px-2 py-1.5 text-sm text-zinc-100 placeholder:text-zinc-500 focus:outline-none"
        />
        {generating && (
          <button
            type="button"
            data-testid="chat-stop"
            onClick={onStop}
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
          aria-label="Send"
          title="Send (Enter)"
          className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-white text-zinc-950 hover:bg-zinc-200 disabled:cursor-not-allowed disabled:opacity-30"
        >
          <Icon name="arrowUp" />
        </button>
      </div>
      {error && (
        <p role="alert" data-testid="chat-error" className="mt-2 px-1 text-xs text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
