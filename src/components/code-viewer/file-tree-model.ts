// What the file tree shows, from flat paths: folders, order, per-file markers. Pure.
import type { GenerationStreamState } from '@/workspace/stream/generation-stream-state';
import type { FileOperation } from '@/types/streaming';

/** How a file relates to the shown version's generation. */
export type FileMarker = 'queued' | 'writing' | FileOperation;

export interface FileTreeFile {
  kind: 'file';
  name: string;
  path: string;
}

export interface FileTreeFolder {
  kind: 'folder';
  name: string;
  path: string;
  children: FileTreeNode[];
}

export type FileTreeNode = FileTreeFile | FileTreeFolder;

function sortNodes(nodes: FileTreeNode[]): FileTreeNode[] {
  nodes.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
  for (const node of nodes) if (node.kind === 'folder') sortNodes(node.children);
  return nodes;
}

/** Folders first, then files, each alphabetically. */
export function buildFileTree(paths: Iterable<string>): FileTreeNode[] {
  const root: FileTreeNode[] = [];
  const folders = new Map<string, FileTreeFolder>();
  for (const path of new Set(paths)) {
    const parts = path.split('/');
    let siblings = root;
    for (let depth = 0; depth < parts.length - 1; depth++) {
      const folderPath = parts.slice(0, depth + 1).join('/');
      let folder = folders.get(folderPath);
      if (!folder) {
        folder = { kind: 'folder', name: parts[depth]!, path: folderPath, children: [] };
        folders.set(folderPath, folder);
        siblings.push(folder);
      }
      siblings = folder.children;
    }
    siblings.push({ kind: 'file', name: parts.at(-1)!, path });
  }
  return sortNodes(root);
}

/** Files people look at first, in the order they are preferred. */
const ENTRY_POINTS = ['src/index.ts', 'src/server.ts', 'src/app.ts', 'index.ts', 'README.md', 'package.json'];

export function defaultFilePath(paths: readonly string[]): string | null {
  return ENTRY_POINTS.find((entry) => paths.includes(entry)) ?? [...paths].sort()[0] ?? null;
}

/**
 * Markers while a version streams: planned files wait (until the stream ends: then they never
 * come), the open file is being written, finished ones say how they changed.
 */
export function markersFromStream(state: Pick<GenerationStreamState, 'plannedFiles' | 'files' | 'ended'>): Record<string, FileMarker> {
  const markers: Record<string, FileMarker> = {};
  if (!state.ended) for (const path of state.plannedFiles) markers[path] = 'queued';
  for (const [path, file] of Object.entries(state.files)) {
    if (file.state === 'writing') markers[path] = 'writing';
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

/**
 * The change a file's row flashes for, when its marker moves from `previous` to `marker` while the
 * row is on screen: the model modified or deleted a file the person can see. A row that arrives
 * with its marker (a reload, a tree being drawn) starts from that marker, so it does not flash;
 * new files slide in instead.
 */
export function changeToFlash(previous: FileMarker | undefined, marker: FileMarker | undefined): 'modified' | 'deleted' | null {
  if (marker === previous) return null;
  return marker === 'modified' || marker === 'deleted' ? marker : null;
}

/**
 * Whether a tree row (a file, or a folder by its path) slides in: only rows that arrive after the
 * tree first showed files, `firstShown`. The rows of that first drawing (a plan, a saved version,
 * a reload) appear at once, as a page does.
 */
export function slidesIn(firstShown: ReadonlySet<string> | null, node: Pick<FileTreeNode, 'kind' | 'path'>): boolean {
  if (firstShown === null) return false;
  if (node.kind === 'file') return !firstShown.has(node.path);
  const prefix = `${node.path}/`;
  for (const path of firstShown) if (path.startsWith(prefix)) return false;
  return true;
}
