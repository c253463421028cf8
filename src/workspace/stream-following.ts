// Which version's stream the workspace follows, and when the code viewer shows that stream instead
// of saved files. Pure: the controller hook applies it.
import { hasSavedFiles } from '@/shared/version-rules';
import type { VersionSummary } from '@/types/versioning';
import type { GenerationStreamState } from './stream/generation-stream-state';

type VersionFacts = Pick<VersionSummary, 'id' | 'status' | 'stopReason'>;

/**
 * The version whose stream should be followed: the running one; with none running, a selected
 * version that failed before saving, replayed so its partial output can still be read.
 */
export function wantedStreamVersionId(active: Pick<VersionSummary, 'id'> | null, selected: VersionFacts | null): string | null {
  return active?.id ?? (selected && selected.status === 'failed' && !hasSavedFiles(selected) ? selected.id : null);
}

/**
 * The version to follow from now on. A running stream is never abandoned; once it ended (or none is
 * followed), the wanted one takes over. With none wanted the last stream stays, so a version that
 * just finished still shows until its saved files arrive. Applying it to its own answer changes
 * nothing, which lets the hook apply it while rendering without looping.
 */
export function nextFollowedVersionId(followedId: string | null, wantedId: string | null, followedRunning: boolean): string | null {
  return wantedId && wantedId !== followedId && !followedRunning ? wantedId : followedId;
}

/** Whether the followed stream is still running. */
export function streamRunning(live: Pick<GenerationStreamState, 'ended'> | null): boolean {
  return live !== null && !live.ended;
}

/** The code viewer shows the stream of the selected version until that version's saved files are in. */
export function showsStream(live: Pick<GenerationStreamState, 'versionId'> | null, selectedId: string | null, savedFilesLoaded: boolean): boolean {
  return live !== null && live.versionId === selectedId && !savedFilesLoaded;
}

/**
 * The base whose files a streaming version starts from: the stream says so first (`version:start`);
 * before that, the version list, or what was asked for when it was just created.
 */
export function streamBaseVersionId(
  live: Pick<GenerationStreamState, 'baseVersionId'>,
  listed: Pick<VersionSummary, 'baseVersionId'> | null,
  expectedBaseId: string | null,
): string | null {
  if (live.baseVersionId !== undefined) return live.baseVersionId;
  return listed ? listed.baseVersionId : expectedBaseId;
}
