import { memo } from 'react';
import { clockTime } from '../ui/clock-time';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icon';

export interface ChatMessageData {
  id: string;
  role: 'user' | 'assistant' | 'system';
  content: string;
  createdAt: Date;
}

/** Memoized: a message never changes, and the chat re-renders with every stream batch. */
export const ChatMessage = memo(function ChatMessage({ message, pending }: { message: ChatMessageData; pending: boolean }) {
  const time = (
    <time dateTime={message.createdAt.toISOString()} className="text-[11px] text-zinc-500">
      {pending ? 'sending…' : clockTime(message.createdAt, new Date())}
    </time>
  );

  if (message.role === 'system') {
    return (
      <p data-testid="message" data-role="system" className="px-6 text-center text-xs text-zinc-500">
        {message.content}
      </p>
    );
  }

  if (message.role === 'user') {
    return (
      <div data-testid="message" data-role="user" className="group flex flex-col items-end gap-1">
        <p className="max-w-[85%] rounded-2xl rounded-br-md bg-zinc-800 px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-zinc-100">
          {message.content}
        </p>
        <div className="flex items-center gap-1">
          <span className="opacity-0 transition group-focus-within:opacity-100 group-hover:opacity-100 pointer-coarse:opacity-100">
            <CopyButton text={message.content} label="Copy prompt" />
          </span>
          {time}
        </div>
      </div>
    );
  }

  return (
    <div data-testid="message" data-role="assistant" className="group flex gap-2.5">
      <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-sky-500/15 text-sky-300" aria-hidden="true">
        <Icon name="spark" className="size-3.5" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm leading-relaxed whitespace-pre-wrap text-zinc-200">{message.content}</p>
        <div className="mt-1 flex items-center gap-1">
          {time}
          <span className="opacity-0 transition group-focus-within:opacity-100 group-hover:opacity-100 pointer-coarse:opacity-100">
            <CopyButton text={message.content} label="Copy message" />
          </span>
        </div>
      </div>
    </div>
  );
});
