'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/trpc/react';

/**
 * A project's env vars as the workspace manages them: names and update times only (the server
 * never sends a value back), and the calls that set and remove one.
 */
export function useProjectEnv(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.projectEnv.list.queryOptions({ projectId }));

  // Settled rather than succeeded: a call that failed on the way back may still have been applied.
  // Preview status says whether a running preview started with other values, so it is asked again too.
  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.projectEnv.list.queryKey({ projectId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.preview.status.queryKey() }),
      ]),
    [queryClient, trpc, projectId],
  );

  // mutateAsync keeps its identity across renders; the mutation objects do not.
  const { mutateAsync: set } = useMutation(trpc.projectEnv.set.mutationOptions({ onSettled: refresh }));
  const { mutateAsync: remove } = useMutation(trpc.projectEnv.remove.mutationOptions({ onSettled: refresh }));

  /** Rejects with the server's error; `errorMessage` turns it into a sentence. */
  const setVar = useCallback((name: string, value: string) => set({ projectId, name, value }), [set, projectId]);
  const removeVar = useCallback((name: string) => remove({ projectId, name }), [remove, projectId]);

  return {
    vars: list.data ?? [],
    isLoading: list.isPending,
    error: list.error,
    setVar,
    removeVar,
  };
}
