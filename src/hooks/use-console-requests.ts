'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import type { PreviewRequest, PreviewResponse } from '@/types/preview';

const HISTORY_SHOWN = 50;

/** Sending console requests, and the project's history of them. */
export function useConsoleRequests(projectId: string, enabled: boolean) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const history = useQuery({ ...trpc.preview.history.queryOptions({ projectId, limit: HISTORY_SHOWN }), enabled });
  // The preview's status is not asked again: what a request changes there (its last use) is not shown.
  const afterSend = () => void queryClient.invalidateQueries({ queryKey: trpc.preview.history.queryKey() });
  const send = useMutation(trpc.preview.send.mutationOptions({ onSettled: afterSend }));

  /** For the two-version comparison: both requests at once, each settling on its own. */
  async function sendRaw(request: PreviewRequest): Promise<PreviewResponse> {
    try {
      return await client.preview.send.mutate(request);
    } finally {
      afterSend();
    }
  }

  return { history: history.data ?? [], historyLoading: history.isPending, send, sendRaw };
}
