'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/trpc/react';
import { isActiveStatus } from '@/shared/version-rules';

/** A project's versions, oldest first. Refreshed by `refresh` when a stream ends or a version is created. */
export function useVersions(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.versions.list.queryOptions({ projectId }));
  const versions = query.data ?? [];

  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.versions.list.queryKey({ projectId }) }),
    [queryClient, trpc, projectId],
  );

  return {
    versions,
    latest: versions.at(-1) ?? null,
    active: versions.find((version) => isActiveStatus(version.status)) ?? null,
    isLoading: query.isPending,
    error: query.error,
    refresh,
  };
}
