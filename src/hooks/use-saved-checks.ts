'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/trpc/react';

/**
 * A project's saved checks as the console shows them (oldest first, the order validation sends them),
 * and the calls that save and remove one.
 */
export function useSavedChecks(projectId: string, enabled: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.savedChecks.list.queryOptions({ projectId }), enabled });

  // Settled rather than succeeded: a call that failed on the way back may still have been applied.
  // The requests.http a ZIP download carries is built from the same checks, so it is asked again too.
  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.savedChecks.list.queryKey({ projectId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.savedChecks.requestsHttp.queryKey({ projectId }) }),
      ]),
    [queryClient, trpc, projectId],
  );

  // mutateAsync keeps its identity across renders; the mutation objects do not.
  const { mutateAsync: save } = useMutation(trpc.savedChecks.save.mutationOptions({ onSettled: refresh }));
  const { mutateAsync: remove } = useMutation(trpc.savedChecks.remove.mutationOptions({ onSettled: refresh }));
  const removeCheck = useCallback((id: string) => remove({ projectId, id }), [remove, projectId]);

  return {
    checks: list.data ?? [],
    isLoading: enabled && list.isPending,
    error: list.error,
    /** Rejects with the server's error; `errorMessage` turns it into a sentence. */
    save,
    removeCheck,
  };
}
