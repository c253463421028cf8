'use client';

import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/trpc/react';

/** Reconstructed versions are kept this long after no component shows them. */
const KEEP_UNUSED_MS = 30 * 60_000;

/**
 * A version's whole file tree from `versions.files`. A version's saved files never change, so an
 * answer with `complete: true` is never stale: switching back to a seen version makes no request.
 */
export function useFileReconstruction(versionId: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(
    trpc.versions.files.queryOptions(versionId ? { versionId } : skipToken, {
      staleTime: (current) => (current.state.data?.complete ? Infinity : 0),
      gcTime: KEEP_UNUSED_MS,
    }),
  );

  /** After a version ends, its earlier `complete: false` answer must be asked again. */
  const refreshVersion = useCallback(
    (endedVersionId: string) => queryClient.invalidateQueries({ queryKey: trpc.versions.files.queryKey({ versionId: endedVersionId }) }),
    [queryClient, trpc],
  );

  const data = query.data;
  return {
    files: data?.complete ? data.files : null,
    problems: data?.problems ?? [],
    isLoading: versionId !== null && query.isPending,
    error: query.error,
    refreshVersion,
  };
}
