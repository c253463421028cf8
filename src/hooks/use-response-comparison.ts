'use client';

import { useState } from 'react';
import type { ComparedAnswer } from '@/components/api-console/response-compare';
import { errorMessage } from '@/trpc/error-message';
import { useTRPCClient } from '@/trpc/react';
import type { PreviewRequest, PreviewResponse, PreviewStatus } from '@/types/preview';

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
    let status: PreviewStatus = await client.preview.status.query({ versionId: side.id });
    if (status.state !== 'ready' && status.state !== 'starting') status = await client.preview.start.mutate({ versionId: side.id });
    const deadline = Date.now() + START_WAIT_MS;
    while (status.state === 'starting' && Date.now() < deadline) {
      report(`Starting v${side.versionNumber}'s preview (${status.step ?? 'install'})…`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      status = await client.preview.status.query({ versionId: side.id });
    }
    if (status.state === 'ready') return null;
    return status.state === 'failed' ? `v${side.versionNumber}'s preview failed: ${status.message ?? 'it did not start'}` : `v${side.versionNumber}'s preview did not start in time.`;
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
