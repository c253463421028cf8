import type { Ref } from 'react';
import { Icon } from '../ui/icon';

interface MobileChatBarProps {
  /** The sheet hands focus back here when it closes. */
  buttonRef: Ref<HTMLButtonElement>;
  chatPanelId: string;
  open: boolean;
  onOpen: () => void;
  /** "AI is generating v2…" while a version runs, else a word about the chat. */
  status: string;
  isGenerating: boolean;
}

/** The phone layout's handle on the chat: a bar under the full-screen code that opens the sheet. */
export function MobileChatBar({ buttonRef, chatPanelId, open, onOpen, status, isGenerating }: MobileChatBarProps) {
  return (
    <div className="shrink-0 border-t border-zinc-800 bg-zinc-950 px-3 py-2 md:hidden">
      <button
        ref={buttonRef}
        type="button"
        data-testid="open-chat"
        aria-expanded={open}
        aria-controls={chatPanelId}
        onClick={onOpen}
        className="flex w-full items-center gap-2.5 rounded-xl border border-zinc-800 bg-zinc-900 px-3 py-2 text-left text-sm hover:border-zinc-600"
      >
        <Icon name="chat" className="size-4 shrink-0 text-sky-300" />
        <span className="font-medium text-zinc-100">Chat</span>
        <span className={`flex min-w-0 flex-1 items-center gap-1.5 truncate text-xs ${isGenerating ? 'text-sky-300' : 'text-zinc-500'}`}>
          {isGenerating && <span className="size-1.5 shrink-0 rounded-full bg-sky-400" aria-hidden="true" />}
          <span className="truncate">{status}</span>
        </span>
        <Icon name="chevronDown" className="size-4 shrink-0 rotate-180 text-zinc-500" />
      </button>
    </div>
  );
}
