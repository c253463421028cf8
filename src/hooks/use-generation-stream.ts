'use client';

import { useEffect, useEffectEvent, useState } from 'react';
import { errorCode, errorMessage } from '@/trpc/error-message';
import { useTRPCClient } from '@/trpc/react';
import {
  applyStreamEvents,
  endByStatus,
  initialStreamState,
  type GenerationStreamState,
} from './generation-stream-state';

/** The server caps a long-poll at 25 s; asking for the cap keeps requests few while idle. */
const LONG_POLL_WAIT_MS = 25_000;
const FIRST_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 8_000;
/** Errors a retry cannot fix: the version is gone or not ours. */
const FINAL_ERROR_CODES = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'BAD_REQUEST']);

function retryDelayMs(failures: number): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** (failures - 1));
  return exponential / 2 + Math.random() * (exponential / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export interface GenerationStream {
  /** The followed version's stream so far; null when no version is followed. */
  currentVersion: GenerationStreamState | null;
  streamingFiles: GenerationStreamState['files'];
  currentStep: GenerationStreamState['step'];
  isConnected: boolean;
  transport: 'long-poll';
  /** "Reconnecting…" while retrying, or why the stream cannot be followed. */
  error: string | null;
}

/**
 * Follows one version's events through `stream.since`, from seq 0: a page opened (or refreshed)
 * mid-generation replays the buffer and carries on, with nothing missing and nothing twice.
 * The state is kept after the version ends, until another version is followed.
 */
export function useGenerationStream(
  versionId: string | null,
  options: { onEnded?: (state: GenerationStreamState) => void } = {},
): GenerationStream {
  const client = useTRPCClient();
  const [state, setState] = useState<GenerationStreamState | null>(null);
  const [isConnected, setIsConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notifyEnded = useEffectEvent((ended: GenerationStreamState) => options.onEnded?.(ended));

  useEffect(() => {
    if (!versionId) return;
    const controller = new AbortController();
    const { signal } = controller;

    async function follow(followedId: string) {
      let current = initialStreamState(followedId);
      setState(current);
      setIsConnected(false);
      setError(null);
      let failures = 0;
      while (!signal.aborted && !current.ended) {
        try {
          const answer = await client.stream.since.query(
            { versionId: followedId, afterSeq: current.lastSeq, waitMs: LONG_POLL_WAIT_MS },
            { signal },
          );
          if (signal.aborted) return;
          const applied = applyStreamEvents(current, answer.events);
          const stuckAtGap = answer.events.length > 0 && applied.lastSeq === current.lastSeq;
          current = answer.events.length === 0 ? endByStatus(applied, answer.status) : applied;
          setState(current);
          setIsConnected(true);
          if (stuckAtGap) throw new Error(`The stream is missing event ${current.lastSeq + 1}.`);
          failures = 0;
          setError(null);
        } catch (caught) {
          if (signal.aborted) return;
          setIsConnected(false);
          const code = errorCode(caught);
          if (code && FINAL_ERROR_CODES.has(code)) {
            setError(errorMessage(caught));
            return;
          }
          failures += 1;
          setError('Reconnecting…');
          await sleep(retryDelayMs(failures), signal);
        }
      }
      if (current.ended && !signal.aborted) notifyEnded(current);
    }

    void follow(versionId);
    return () => controller.abort();
  }, [client, versionId]);

  // Until the effect has started, a newly followed version is shown as not started rather than as the old one.
  const current = versionId === null ? null : state?.versionId === versionId ? state : initialStreamState(versionId);
  return {
    currentVersion: current,
    streamingFiles: current?.files ?? {},
    currentStep: current?.step ?? null,
    isConnected: state !== null && state.versionId === versionId && isConnected,
    transport: 'long-poll',
    error: state !== null && state.versionId === versionId ? error : null,
  };
}
