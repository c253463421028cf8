'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { errorMessage } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import { Icon } from '../ui/icon';

const EXAMPLE_PROMPTS = [
  'A REST API for a bookstore with authors and books',
  'A todo list API with projects, tasks and due dates',
  'An events API where people can RSVP to meetups',
  'A URL shortener with click statistics',
];

export function AskForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [prompt, setPrompt] = useState('');
  const create = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: ({ projectId }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
        router.push(`/projects/${projectId}`);
      },
    }),
  );
  // Keep the button busy through the navigation that follows a successful create.
  const busy = create.isPending || create.isSuccess;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!prompt.trim() || busy) return;
    create.mutate({ prompt });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  return (
    <form onSubmit={submit} className="w-full">
      <div className="rounded-2xl border border-zinc-800 bg-zinc-900/70 p-3 shadow-2xl shadow-black/40 focus-within:border-zinc-600">
        <label htmlFor="ask-prompt" className="sr-only">
          Describe the API you want
        </label>
        <textarea
          id="ask-prompt"
          data-testid="prompt-input"
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          onKeyDown={onKeyDown}
          rows={4}
          autoFocus
          placeholder="Describe an HTTP API: its resources, what they hold and how they relate…"
          className="w-full resize-none bg-transparent px-2 py-1 text-base text-zinc-100 placeholder:text-zinc-500 focus:outline-none"
        />
        <div className="flex items-center justify-between gap-3 px-1">
          <span className="text-xs text-zinc-500">Enter to build · Shift+Enter for a new line</span>
          <button
            type="submit"
            data-testid="ask-submit"
            disabled={!prompt.trim() || busy}
            className="inline-flex items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-medium text-zinc-950 transition hover:bg-zinc-200 disabled:cursor-not-allowed disabled:opacity-40"
          >
            {busy ? 'Creating…' : 'Build API'}
            <Icon name="arrowUp" />
          </button>
        </div>
      </div>
      {create.isError && (
        <p role="alert" className="mt-3 text-sm text-red-300">
          {errorMessage(create.error)}
        </p>
      )}
      <div className="mt-6">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Try one</p>
        <ul className="mt-2 flex flex-wrap gap-2">
          {EXAMPLE_PROMPTS.map((example) => (
            <li key={example}>
              <button
                type="button"
                onClick={() => setPrompt(example)}
                className="rounded-full border border-zinc-800 bg-zinc-900 px-3 py-1.5 text-left text-sm text-zinc-300 transition hover:border-zinc-600 hover:text-white"
              >
                {example}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}
