'use client';

import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { FileMarker } from '@/workspace/file-markers';
import { buildFileTree, changeToFlash, slidesIn, type FileTreeNode } from './file-tree-model';
import { CHANGE_BADGES, type ChangeBadge } from '../ui/change-badge';
import { Icon } from '../ui/icon';

interface FileTreeProps {
  paths: readonly string[];
  markers: Readonly<Record<string, FileMarker>>;
  selectedPath: string | null;
  onSelect: (path: string) => void;
  /** A file to flash and scroll to, e.g. one clicked in the chat; a new `nonce` flashes it again. */
  flash: { path: string; nonce: number } | null;
}

const MARKER_BADGES: Record<FileMarker, ChangeBadge> = {
  queued: { letter: '…', className: 'text-zinc-600', label: 'planned' },
  writing: { letter: '●', className: 'text-sky-400', label: 'being written' },
  // In the colour of `modified`, which an edit becomes once it is done.
  editing: { letter: '●', className: 'text-amber-400', label: 'being edited' },
  ...CHANGE_BADGES,
};

const FILE_NAME_STYLES: Partial<Record<FileMarker, string>> = {
  queued: 'text-zinc-500',
  writing: 'text-sky-200',
  editing: 'text-amber-200',
  deleted: 'text-zinc-500 line-through',
};

function sameMarkers(a: FileTreeProps['markers'], b: FileTreeProps['markers']): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Files slide in as the model adds them: a CSS animation of opacity and transform, which the
 * compositor runs. With a motion component per row, drawing a 27-file plan took 22-42 ms (React's
 * profiling build) of the render in which the code starts to type; with plain rows, 6-20 ms.
 */
const SLIDE_IN = 'motion-safe:animate-slide-in';

/** A row the model modifies or deletes in front of the person lights up in the marker's colour, then fades. */
const CHANGE_FLASH_COLORS = { modified: 'bg-amber-400/25', deleted: 'bg-red-400/25' } as const;

interface FileTreeFileProps {
  path: string;
  name: string;
  depth: number;
  marker: FileMarker | undefined;
  selected: boolean;
  /** Set while this file flashes; a new nonce flashes it again. */
  flashNonce: number | null;
  /** The row arrived after the tree was first drawn (`slidesIn`). */
  slideIn: boolean;
  onSelect: (path: string) => void;
}

/** One file of the tree. Memoized: when the model moves on, only the two files whose markers changed render again. */
const FileTreeFile = memo(function FileTreeFile({ path, name, depth, marker, selected, flashNonce, slideIn, onSelect }: FileTreeFileProps) {
  const badge = marker ? MARKER_BADGES[marker] : null;
  // Kept from render to render, so only a change seen on screen flashes (React's pattern for
  // state that follows a prop).
  const [previousMarker, setPreviousMarker] = useState(marker);
  const [changeFlash, setChangeFlash] = useState<keyof typeof CHANGE_FLASH_COLORS | null>(null);
  if (marker !== previousMarker) {
    setPreviousMarker(marker);
    setChangeFlash(changeToFlash(previousMarker, marker));
  }
  return (
    <li className={slideIn ? SLIDE_IN : undefined}>
      <button
        type="button"
        data-testid="file-tree-item"
        data-path={path}
        data-marker={marker ?? 'unchanged'}
        aria-current={selected ? 'true' : undefined}
        title={badge ? `${path} (${badge.label})` : path}
        onClick={() => onSelect(path)}
        className={`relative flex w-full items-center gap-1.5 rounded-md py-1 pr-2 text-left text-[13px] ${
          selected ? 'bg-zinc-800 text-white' : 'text-zinc-300 hover:bg-zinc-800/60 hover:text-white'
        }`}
        style={{ paddingLeft: 20 + depth * 12 }}
      >
        {changeFlash && (
          // Keyed by the change: a row modified, then deleted, fades in each colour. Invisible once
          // faded, and never shown when the person prefers reduced motion.
          <span
            key={`change-${changeFlash}`}
            data-change-flash={changeFlash}
            aria-hidden="true"
            className={`pointer-events-none absolute inset-0 rounded-md opacity-0 motion-safe:animate-fade-out ${CHANGE_FLASH_COLORS[changeFlash]}`}
          />
        )}
        {flashNonce !== null && (
          <span key={flashNonce} aria-hidden="true" className="pointer-events-none absolute inset-0 rounded-md motion-safe:animate-flash" />
        )}
        <Icon name="file" className="size-3.5 shrink-0 text-zinc-500" />
        <span className={`min-w-0 flex-1 truncate ${marker ? (FILE_NAME_STYLES[marker] ?? '') : ''}`}>{name}</span>
        {badge && (
          // Keyed by the marker, so a change (writing → created) pops in rather than swapping silently.
          <span key={marker} className={`shrink-0 font-mono text-[10px] font-semibold motion-safe:animate-pop ${badge.className}`} aria-label={badge.label}>
            {badge.letter}
          </span>
        )}
      </button>
    </li>
  );
});

/**
 * Memoized by content: the workspace hands in new arrays with every stream batch, while the tree
 * changes only when a file appears or its marker moves on.
 */
export const FileTree = memo(
  function FileTree({ paths, markers, selectedPath, onSelect, flash }: FileTreeProps) {
    const tree = useMemo(() => buildFileTree(paths), [paths]);
    // The files of the tree's first drawing, kept as history: later ones slide in.
    const [firstShown, setFirstShown] = useState<ReadonlySet<string> | null>(null);
    if (firstShown === null && paths.length > 0) setFirstShown(new Set(paths));
    const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
    const navRef = useRef<HTMLElement>(null);

    useEffect(() => {
      if (!flash) return;
      const item = navRef.current?.querySelector(`[data-testid="file-tree-item"][data-path="${CSS.escape(flash.path)}"]`);
      item?.scrollIntoView({ block: 'nearest' });
    }, [flash]);

    function toggle(folderPath: string) {
      setCollapsed((current) => {
        const next = new Set(current);
        if (next.has(folderPath)) next.delete(folderPath);
        else next.add(folderPath);
        return next;
      });
    }

    function renderNodes(nodes: FileTreeNode[], depth: number) {
      return (
        <ul className="space-y-px">
          {nodes.map((node) =>
            node.kind === 'folder' ? (
              <li key={node.path} className={slidesIn(firstShown, node) ? SLIDE_IN : undefined}>
                {renderFolder(node, depth)}
              </li>
            ) : (
              <FileTreeFile
                key={node.path}
                path={node.path}
                name={node.name}
                depth={depth}
                marker={markers[node.path]}
                selected={node.path === selectedPath}
                flashNonce={flash?.path === node.path ? flash.nonce : null}
                slideIn={slidesIn(firstShown, node)}
                onSelect={onSelect}
              />
            ),
          )}
        </ul>
      );
    }

    function renderFolder(folder: Extract<FileTreeNode, { kind: 'folder' }>, depth: number) {
      const open = !collapsed.has(folder.path);
      return (
        <>
          <button
            type="button"
            onClick={() => toggle(folder.path)}
            aria-expanded={open}
            className="flex w-full items-center gap-1.5 rounded-md py-1 pr-2 text-left text-[13px] text-zinc-400 hover:bg-zinc-800/60 hover:text-zinc-200"
            style={{ paddingLeft: 8 + depth * 12 }}
          >
            <Icon name={open ? 'chevronDown' : 'chevronRight'} className="size-3 shrink-0" />
            <span className="truncate">{folder.name}</span>
          </button>
          {open && renderNodes(folder.children, depth + 1)}
        </>
      );
    }

    return (
      <nav ref={navRef} data-testid="file-tree" aria-label="Files" className="text-sm">
        {paths.length === 0 ? <p className="px-3 py-2 text-xs text-zinc-500">No files yet.</p> : renderNodes(tree, 0)}
      </nav>
    );
  },
  (before, after) =>
    before.selectedPath === after.selectedPath &&
    before.flash === after.flash &&
    before.onSelect === after.onSelect &&
    before.paths.length === after.paths.length &&
    before.paths.every((path, index) => path === after.paths[index]) &&
    sameMarkers(before.markers, after.markers),
);
