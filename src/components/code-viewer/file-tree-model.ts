// What the file tree shows, from flat paths: folders, order, per-file markers. Pure.
import type { FileMarker } from '@/workspace/file-markers';

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
