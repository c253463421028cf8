'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/trpc/react';
import type { PreviewStatus } from '@/types/preview';

/** While a preview starts, its step and state change by the second; once ready, only an idle stop or a crash changes it. */
const STARTING_POLL_MS = 500;
const READY_POLL_MS = 10_000;

function pollInterval(status: PreviewStatus | undefined): number | false {
  if (status?.state === 'starting') return STARTING_POLL_MS;
  if (status?.state === 'ready') return READY_POLL_MS;
  return false;
}

/** A version's preview: its status (polled while it matters), and Start / Stop. */
export function usePreview(versionId: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { versionId: versionId ?? '' };
  const queryKey = trpc.preview.status.queryKey(input);
  const status = useQuery({
    ...trpc.preview.status.queryOptions(input),
    enabled: versionId !== null,
    refetchInterval: (query) => pollInterval(query.state.data),
  });
  const setStatus = (next: PreviewStatus) => queryClient.setQueryData(queryKey, next);
  const start = useMutation(trpc.preview.start.mutationOptions({ onSuccess: setStatus }));
  const stop = useMutation(trpc.preview.stop.mutationOptions({ onSuccess: setStatus }));

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.preview.status.queryKey() }), [queryClient, trpc]);

  return {
    status: versionId ? status.data : undefined,
    isLoading: status.isPending && versionId !== null,
    error: status.error ?? start.error ?? stop.error,
    start: () => versionId && start.mutate({ versionId }),
    /** Resolves once the start was accepted (the preview may still be starting). */
    startAsync: (id: string) => start.mutateAsync({ versionId: id }),
    stop: () => versionId && stop.mutate({ versionId }),
    isStarting: start.isPending,
    isStopping: stop.isPending,
    /** Every preview's status is fetched again (a request was sent, env vars changed). */
    refresh,
  };
}
