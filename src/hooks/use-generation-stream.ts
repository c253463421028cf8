'use client';

import { startTransition, useEffect, useEffectEvent, useRef, useState } from 'react';
import { getSupabaseBrowserClient } from '@/lib/supabase-browser';
import { errorCode, errorMessage } from '@/trpc/error-message';
import { useTRPCClient } from '@/trpc/react';
import type { StreamEvent } from '@/types/streaming';
import { initialStreamState, type GenerationStreamState } from '@/workspace/stream/generation-stream-state';
import { createLatestValueThrottle } from '@/workspace/stream/latest-value-throttle';
import { subscribeToProjectStream, type ProjectStreamSubscription, type RealtimeStreamStatus } from '@/workspace/stream/realtime-stream-transport';
import { STREAM_BATCH_INTERVAL_MS, transportOf, type StreamTransport } from '@/workspace/stream/stream-follow-plan';
import { followVersionStream, type VersionStreamFollower } from '@/workspace/stream/version-stream-follower';

interface StreamHealth {
  versionId: string;
  error: string | null;
}

/** Errors a retry cannot fix: the version is gone or not ours. */
const FINAL_ERROR_CODES = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'BAD_REQUEST']);

export interface GenerationStream {
  /** The followed version's stream so far; null when no version is followed. */
  currentVersion: GenerationStreamState | null;
  transport: StreamTransport;
  /** The project channel's status in connected mode; null in embedded mode. */
  realtimeStatus: RealtimeStreamStatus | null;
  /** "Reconnecting…" while retrying, or why the stream cannot be followed. */
  error: string | null;
}

export interface GenerationStreamOptions {
  onEnded?: (state: GenerationStreamState) => void;
  /** Connected mode: a broadcast showed a version starting that is not followed (another tab, the CLI). */
  onOtherVersionStarted?: (versionId: string) => void;
}

/**
 * Follows one version's events. Embedded mode long-polls `stream.since`; connected mode (a Supabase
 * browser client exists) also joins the project's Realtime channel once per project and takes its
 * broadcasts, reading the buffer only to catch up (version-stream-follower decides when).
 * The state is kept after the version ends, until another version is followed.
 */
export function useGenerationStream(
  projectId: string,
  versionId: string | null,
  options: GenerationStreamOptions = {},
): GenerationStream {
  const client = useTRPCClient();
  const [state, setState] = useState<GenerationStreamState | null>(null);
  const [health, setHealth] = useState<StreamHealth | null>(null);
  const [realtimeStatus, setRealtimeStatus] = useState<RealtimeStreamStatus | null>(null);
  const realtimeStatusRef = useRef<RealtimeStreamStatus | null>(null);
  const followerRef = useRef<VersionStreamFollower | null>(null);
  const notifyEnded = useEffectEvent((ended: GenerationStreamState) => options.onEnded?.(ended));
  const noticeOtherVersions = useEffectEvent((events: readonly StreamEvent[]) => {
    for (const event of events) {
      if (event.type === 'version:start' && event.versionId !== versionId) options.onOtherVersionStarted?.(event.versionId);
    }
  });

  useEffect(() => {
    const supabase = getSupabaseBrowserClient();
    if (!supabase) return;
    let subscription: ProjectStreamSubscription | null = null;
    let closed = false;
    const subscribe = (accessToken: string | undefined) => {
      if (closed) return;
      subscription = subscribeToProjectStream({
        supabase,
        projectId,
        accessToken,
        onEvents: (events) => {
          followerRef.current?.receiveBroadcast(events);
          noticeOtherVersions(events);
        },
        onStatus: (status) => {
          realtimeStatusRef.current = status;
          setRealtimeStatus(status);
          followerRef.current?.realtimeStatusChanged(status);
        },
      });
    };
    supabase.auth.getSession().then(
      ({ data }) => subscribe(data.session?.access_token),
      () => subscribe(undefined),
    );
    return () => {
      closed = true;
      subscription?.close();
      realtimeStatusRef.current = null;
    };
  }, [projectId]);

  useEffect(() => {
    if (!versionId) return;
    const controller = new AbortController();
    // At most one batch per STREAM_BATCH_INTERVAL_MS (an ending at once), in a transition: a batch
    // re-renders the workspace (a new file reaches the tree, the card and the viewer at once), and
    // React then renders it in slices between frames rather than in one long task; the typing
    // animation's small updates go first.
    const shownState = createLatestValueThrottle<GenerationStreamState>(
      (next) => startTransition(() => setState(next)),
      STREAM_BATCH_INTERVAL_MS,
    );
    const follower = followVersionStream({
      versionId,
      signal: controller.signal,
      readBuffer: (input, signal) => client.stream.since.query(input, { signal }),
      realtimeStatus: () => realtimeStatusRef.current,
      finalError: (error) => (FINAL_ERROR_CODES.has(errorCode(error) ?? '') ? errorMessage(error) : null),
      onState: (next) => shownState.push(next, next.ended !== null),
      // The follower reports health only when it changes, and only its error is shown. A state
      // update per read, even one that kept the same value, ran the workspace page again at default
      // priority while a batch's transition was pending, and restarted that transition's sliced render.
      onHealth: ({ error }) =>
        setHealth((previous) => (previous?.versionId === versionId && previous.error === error ? previous : { versionId, error })),
      onEnded: notifyEnded,
    });
    followerRef.current = follower;
    return () => {
      controller.abort();
      shownState.cancel();
      if (followerRef.current === follower) followerRef.current = null;
    };
  }, [client, versionId]);

  // Until the effect has started, a newly followed version is shown as not started rather than as the old one.
  const current = versionId === null ? null : state?.versionId === versionId ? state : initialStreamState(versionId);
  const currentHealth = health?.versionId === versionId ? health : null;
  return {
    currentVersion: current,
    transport: transportOf(realtimeStatus),
    realtimeStatus,
    error: currentHealth?.error ?? null,
  };
}
