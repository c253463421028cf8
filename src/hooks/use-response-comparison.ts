'use client';

import { useState } from 'react';
import { errorMessage } from '@/trpc/error-message';
import { startAndWatchPreview } from '@/shared/preview-readiness';
import { useTRPCClient } from '@/trpc/react';
import type { ComparedAnswer, PreviewRequest, PreviewResponse } from '@/types/preview';

const POLL_MS = 500;
/** A cold start installs and builds; past this the comparison gives up on that side. */
const START_WAIT_MS = 180_000;

export interface ResponseComparisonState {
  label: string;
  from: ComparedAnswer;
  to: ComparedAnswer;
  /** Set while a side's preview is being started or the requests are out. */
  progress: string | null;
}

interface Side {
  id: string;
  versionNumber: number;
}

/**
 * The same request to two versions, side by side: each version's preview is started when it is not
 * running (and waited for), then both requests go out at once.
 */
export function useResponseComparison(send: (request: PreviewRequest) => Promise<PreviewResponse>) {
  const client = useTRPCClient();
  const [state, setState] = useState<ResponseComparisonState | null>(null);

  async function ready(side: Side, report: (text: string) => void): Promise<string | null> {
    const status = await startAndWatchPreview(client, side.id, {
      pollMs: POLL_MS,
      deadlineMs: START_WAIT_MS,
      onStarting: (starting) => report(`Starting v${side.versionNumber}'s preview (${starting.step ?? 'install'})…`),
    });
    if (status.state === 'ready') return null;
    if (status.state === 'failed') return `v${side.versionNumber}'s preview failed: ${status.message ?? 'it did not start'}`;
    return status.state === 'starting' ? `v${side.versionNumber}'s preview did not start in time.` : `v${side.versionNumber}'s preview stopped before it was ready.`;
  }

  async function answerOf(side: Side, request: Omit<PreviewRequest, 'versionId'>, report: (text: string) => void): Promise<ComparedAnswer> {
    try {
      const problem = await ready(side, report);
      if (problem) return { versionNumber: side.versionNumber, error: problem };
      return { versionNumber: side.versionNumber, response: await send({ ...request, versionId: side.id }) };
    } catch (error) {
      return { versionNumber: side.versionNumber, error: errorMessage(error) };
    }
  }

  async function compare(label: string, request: Omit<PreviewRequest, 'versionId'>, from: Side, to: Side) {
    const pending = (side: Side): ComparedAnswer => ({ versionNumber: side.versionNumber });
    setState({ label, from: pending(from), to: pending(to), progress: 'Sending to both versions…' });
    const report = (text: string) => setState((current) => (current ? { ...current, progress: text } : current));
    const [fromAnswer, toAnswer] = await Promise.all([answerOf(from, request, report), answerOf(to, request, report)]);
    setState({ label, from: fromAnswer, to: toAnswer, progress: null });
  }

  return { comparison: state, compare, close: () => setState(null) };
}
