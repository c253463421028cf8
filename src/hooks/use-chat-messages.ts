'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/trpc/react';
import { optimisticMessageId } from '@/workspace/optimistic-message';

/**
 * The project's chat, and `send`, which creates the next version. The user's message shows at once
 * and is replaced by the stored one when the server answers; a refused prompt is taken back out.
 */
export function useChatMessages(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.messages.list.queryKey({ projectId });
  const query = useQuery(trpc.messages.list.queryOptions({ projectId }));

  const send = useMutation(
    trpc.versions.create.mutationOptions({
      onMutate: async (input) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const previous = queryClient.getQueryData(listKey);
        queryClient.setQueryData(listKey, (messages = []) => [
          ...messages,
          {
            id: optimisticMessageId(Date.now()),
            projectId,
            versionId: null,
            role: 'user' as const,
            content: input.prompt.trim(),
            createdAt: new Date(),
          },
        ]);
        return { previous };
      },
      onError: (_error, _input, context) => {
        if (context) queryClient.setQueryData(listKey, context.previous);
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
    }),
  );

  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.messages.list.queryKey({ projectId }) }),
    [queryClient, trpc, projectId],
  );

  return {
    messages: query.data ?? [],
    isLoading: query.isPending,
    error: query.error,
    send,
    refresh,
  };
}
