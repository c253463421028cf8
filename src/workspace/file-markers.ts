// Per-file markers of the shown version: planned, being written or edited, created, modified, deleted. The
// workspace computes them; the file tree and the code view draw them. Pure.
import type { FileOperation } from '@/types/streaming';
import type { GenerationStreamState, StreamedFile } from './stream/generation-stream-state';

/** How a file relates to the shown version's generation: `editing` is an open file changed hunk by hunk, `writing` one typed whole. */
export type FileMarker = 'queued' | 'writing' | 'editing' | FileOperation;

type StreamFacts = Pick<GenerationStreamState, 'plannedFiles' | 'ended'> & {
  files: Readonly<Record<string, Pick<StreamedFile, 'state' | 'operation' | 'mode'>>>;
};

/**
 * Markers while a version streams: planned files wait (until the stream ends: then they never
 * come), the open file is being written or edited, finished ones say how they changed.
 */
export function markersFromStream(state: StreamFacts): Record<string, FileMarker> {
  const markers: Record<string, FileMarker> = {};
  if (!state.ended) for (const path of state.plannedFiles) markers[path] = 'queued';
  for (const [path, file] of Object.entries(state.files)) {
    if (file.state === 'writing') markers[path] = file.mode === 'edit' ? 'editing' : 'writing';
    else if (file.operation) markers[path] = file.operation;
    // A file cut off by a failure has no operation: it was never finished, so it gets no marker.
    else delete markers[path];
  }
  return markers;
}

/** Markers of a saved version: what it created or modified against its base (deleted files are not in its tree). */
export function markersFromChanges(changes: ReadonlyArray<{ filePath: string; operation: FileOperation }>): Record<string, FileMarker> {
  const markers: Record<string, FileMarker> = {};
  for (const change of changes) if (change.operation !== 'deleted') markers[change.filePath] = change.operation;
  return markers;
}
