'use client';

import { useEffect, useRef, useState } from 'react';
import type { GenerationStreamState } from '@/workspace/stream/generation-stream-state';
import { isOptimisticMessage } from '@/workspace/optimistic-message';
import type { VersionCardAction } from '@/workspace/version-actions';
import type { ChatReveal } from '@/workspace/workspace-state';
import type { VersionSummary } from '@/types/versioning';
import { ChatMessage, type ChatMessageData } from './chat-message';
import { chatTimeline } from './chat-timeline';
import { Icon } from '../ui/icon';
import { VersionCard } from '../versions/version-card';

interface ChatInterfaceProps {
  messages: ReadonlyArray<ChatMessageData & { versionId: string | null }>;
  versions: readonly VersionSummary[];
  /** The stream followed in this visit, if any. */
  live: GenerationStreamState | null;
  /** The number of the version being generated now, if any. */
  runningNumber: number | null;
  selectedVersionId: string | null;
  isLoading: boolean;
  /** "Reconnecting…" while the stream retries. */
  streamError: string | null;
  onOpenFile: (versionId: string, path: string) => void;
  onVersionAction: (version: VersionSummary, action: VersionCardAction) => Promise<string | null>;
  /**
   * A version picked elsewhere (the dropdown): the chat scrolls to its prompt. `follow`, for a version
   * the person just started: to the bottom, following it from there. A new nonce asks again.
   */
  revealVersion: ChatReveal | null;
}

/** How close to the bottom (px) still counts as reading the newest messages. */
const STICKY_BOTTOM_PX = 96;

/** Room left above a version's prompt when the chat scrolls to it. */
const REVEAL_GAP_PX = 12;

export function ChatInterface({
  messages,
  versions,
  live,
  runningNumber,
  selectedVersionId,
  isLoading,
  streamError,
  onOpenFile,
  onVersionAction,
  revealVersion,
}: ChatInterfaceProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const stickToBottomRef = useRef(true);
  const timeline = chatTimeline(messages, versions);
  const [atBottom, setAtBottom] = useState(true);
  /** How many timeline items there were when the person last saw the bottom. */
  const [seenCount, setSeenCount] = useState(0);
  const unseen = !atBottom && timeline.length > seenCount;

  // Follow new content only while the person is at the bottom; scrolling up to read stops it.
  // Cards grow without the list changing (progress, files), so watch the content's size.
  useEffect(() => {
    const scroller = scrollerRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    const observer = new ResizeObserver(() => {
      if (stickToBottomRef.current) scroller.scrollTop = scroller.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [isLoading]);

  // A version just started: down to it, following from there. A version picked to read: to where it
  // was asked for, and no more following the bottom until the person returns there. Only the chat's
  // own scroller moves (scrollIntoView would also move the panels).
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!revealVersion || !scroller) return;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (revealVersion.follow) {
      stickToBottomRef.current = true;
      scroller.scrollTo({ top: scroller.scrollHeight, behavior: reducedMotion ? 'auto' : 'smooth' });
      return;
    }
    const card = scroller.querySelector(`[data-version-id="${CSS.escape(revealVersion.versionId)}"]`);
    if (!card) return;
    // The prompt that asked for the version sits right above its card: show both.
    const target = card.previousElementSibling?.matches('[data-role="user"]') ? card.previousElementSibling : card;
    stickToBottomRef.current = false;
    const top = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - REVEAL_GAP_PX;
    scroller.scrollTo({ top, behavior: reducedMotion ? 'auto' : 'smooth' });
  }, [revealVersion]);

  function onScroll() {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const nearBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < STICKY_BOTTOM_PX;
    stickToBottomRef.current = nearBottom;
    setAtBottom(nearBottom);
    if (nearBottom) setSeenCount(timeline.length);
  }

  function scrollToBottom() {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    stickToBottomRef.current = true;
    scroller.scrollTo({ top: scroller.scrollHeight, behavior: 'smooth' });
  }

  function errorAlreadyShown(version: VersionSummary): boolean {
    const error = (live?.versionId === version.id && live.ended?.kind === 'failed' ? live.ended.message : null) ?? version.error;
    return Boolean(error) && messages.some((message) => message.versionId === version.id && message.role === 'assistant' && message.content === error);
  }

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scrollerRef}
        onScroll={onScroll}
        className="min-h-0 flex-1 overflow-y-auto px-4 py-5 [contain:content]"
        role="log"
        aria-relevant="additions"
        aria-label="Conversation"
        aria-busy={isLoading}
        data-testid="chat-log"
      >
        {isLoading ? (
          <p className="text-center text-sm text-zinc-500">Loading conversation…</p>
        ) : (
          <div ref={contentRef} className="mx-auto flex max-w-2xl flex-col gap-4">
            {timeline.map((item) =>
              item.kind === 'message' ? (
                <ChatMessage key={item.message.id} message={item.message} pending={isOptimisticMessage(item.message)} />
              ) : (
                <VersionCard
                  key={item.version.id}
                  version={item.version}
                  live={live?.versionId === item.version.id ? live : null}
                  errorAlreadyShown={errorAlreadyShown(item.version)}
                  isSelected={item.version.id === selectedVersionId}
                  versions={versions}
                  runningNumber={runningNumber}
                  onOpenFile={onOpenFile}
                  onAction={onVersionAction}
                />
              ),
            )}
            {streamError && (
              <p role="status" className="flex items-center justify-center gap-2 text-xs text-amber-300">
                <span className="size-1.5 animate-pulse rounded-full bg-amber-400" aria-hidden="true" />
                {streamError}
              </p>
            )}
          </div>
        )}
      </div>
      {unseen && (
        <button
          type="button"
          data-testid="new-messages"
          onClick={scrollToBottom}
          className="absolute bottom-3 left-1/2 inline-flex -translate-x-1/2 items-center gap-1.5 rounded-full border border-sky-500/40 bg-zinc-900/95 px-3 py-1 text-xs text-sky-200 shadow-lg shadow-black/50 hover:border-sky-400 hover:text-white"
        >
          <Icon name="follow" className="size-3" /> New messages
        </button>
      )}
    </div>
  );
}
