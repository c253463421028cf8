'use client';

import { useState } from 'react';
import { nextFollowedVersionId, streamRunning } from '@/workspace/stream-following';
import { useGenerationStream, type GenerationStream, type GenerationStreamOptions } from './use-generation-stream';

export interface FollowedStream {
  stream: GenerationStream;
  /** The followed version's stream so far (`stream.currentVersion`). */
  live: GenerationStream['currentVersion'];
  /** The base a just-created version was expected to start from, until its stream says. */
  expectedBaseId: string | null;
  /** Follow a version just made, expected to start from `expectedBaseId`. */
  follow: (versionId: string, expectedBaseId: string | null) => void;
}

/**
 * The workspace's one followed stream: the version just made, else the wanted one (the running
 * version, or a failed one replayed) once the followed stream is not running (nextFollowedVersionId).
 */
export function useFollowedStream(projectId: string, wantedVersionId: string | null, options: GenerationStreamOptions): FollowedStream {
  const [followedVersionId, setFollowedVersionId] = useState<string | null>(null);
  const [expectedBaseId, setExpectedBaseId] = useState<string | null>(null);
  const stream = useGenerationStream(projectId, followedVersionId, options);
  const live = stream.currentVersion;

  // Adjusted while rendering, React's pattern for state that follows other values ("adjusting some
  // state when a prop changes"). It cannot be derived: what is followed depends on what was followed
  // before (a finished stream stays until another is wanted). An effect would first commit a render
  // that still shows the old stream. The guard: nextFollowedVersionId returns the followed id once it
  // has been applied, and a newly followed stream is running, so this sets state at most once per change.
  const nextFollowedId = nextFollowedVersionId(followedVersionId, wantedVersionId, streamRunning(live));
  if (nextFollowedId !== followedVersionId) setFollowedVersionId(nextFollowedId);

  function follow(versionId: string, expectedBase: string | null) {
    setExpectedBaseId(expectedBase);
    setFollowedVersionId(versionId);
  }

  return { stream, live, expectedBaseId, follow };
}
