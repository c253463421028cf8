'use client';

import { useMemo, useState, type KeyboardEvent, type WheelEvent } from 'react';
import { useTokenizerWarmUp } from '@/components/code-viewer/use-tokenizer-warm-up';
import type { FileMap } from '@/types/versioning';
import { CopyButton } from '../ui/copy-button';
import { FileTree } from './file-tree';
import type { FileMarker } from '@/workspace/file-markers';
import type { LiveEdit } from '@/workspace/stream/generation-stream-state';
import { defaultFilePath } from './file-tree-model';
import { HighlightedCode } from './highlighted-code';
import { Icon } from '../ui/icon';

interface StreamingCodeViewerProps {
  files: FileMap;
  /** Markers per path; a marked path missing from `files` (planned, deleted) still shows in the tree. */
  markers: Readonly<Record<string, FileMarker>>;
  /** The file the model is writing now. */
  writingPath: string | null;
  /** Where the model is typing into that file, when it edits it hunk by hunk (`liveEdit`). */
  liveEdit: LiveEdit | null;
  isStreaming: boolean;
  source: 'stream' | 'saved';
  /** The file the person chose; null follows the model (or shows the entry point). */
  pickedPath: string | null;
  onPickPath: (path: string | null) => void;
  isLoading: boolean;
  /** Shown above the code: why files are missing, or which could not be restored. */
  notice: string | null;
  /** A file to flash in the tree and the code header, after it was opened from the chat. */
  flash: { path: string; nonce: number } | null;
}

/** The file's lines, counted without splitting it: the header re-renders with every stream batch. */
function lineCount(code: string): number {
  let count = 1;
  for (let index = code.indexOf('\n'); index !== -1; index = code.indexOf('\n', index + 1)) count += 1;
  return count;
}

/** Keys that scroll a focused scroller back toward the top. */
const SCROLL_BACK_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

/** What the code pane says when it has no code to show. */
function placeholder(isLoading: boolean, marker: FileMarker | undefined, isStreaming: boolean): string {
  if (isLoading) return 'Loading files…';
  if (marker === 'queued') return 'Planned. The model has not reached this file yet.';
  if (marker === 'deleted') return 'This version deletes this file.';
  return isStreaming ? 'Files appear here as they are written.' : 'This version has no files.';
}

export function StreamingCodeViewer({
  files,
  markers,
  writingPath,
  liveEdit,
  isStreaming,
  source,
  pickedPath,
  onPickPath,
  isLoading,
  notice,
  flash,
}: StreamingCodeViewerProps) {
  const paths = useMemo(() => [...new Set([...Object.keys(files), ...Object.keys(markers)])], [files, markers]);

  useTokenizerWarmUp();

  // Once the model moves on (or finishes), stay on the last file it wrote rather than jumping away.
  const [lastWrittenPath, setLastWrittenPath] = useState<string | null>(null);
  if (writingPath && writingPath !== lastWrittenPath) setLastWrittenPath(writingPath);

  const pinned = pickedPath !== null && paths.includes(pickedPath);
  const shownPath = pinned
    ? pickedPath
    : (writingPath ?? (lastWrittenPath && paths.includes(lastWrittenPath) ? lastWrittenPath : defaultFilePath(Object.keys(files))));
  const shownCode = shownPath !== null ? files[shownPath] : undefined;
  const shownMarker = shownPath !== null ? markers[shownPath] : undefined;
  const writing = shownPath !== null && shownPath === writingPath;
  const following = writing && !pinned;
  const hunk = writing && liveEdit?.path === shownPath ? { cursor: liveEdit.cursor, lines: liveEdit.lines } : null;
  // An edit before its first hunk has nowhere to type yet: no caret at the file's end to jump to.
  const typingHere = writing && !(shownMarker === 'editing' && hunk === null);
  // Someone who scrolls back up, or presses in the code, while the model writes wants to read what
  // is there: the view stops following the caret (which would scroll them down again at the next
  // line) and stays on this file, as if they had picked it; "Follow live" goes back. While it
  // follows, the lines ignore the pointer (highlighted-code.tsx), so the first press only stops it.
  const stopFollowing = () => onPickPath(shownPath);
  const stopFollowingIfScrolled = (scroller: HTMLElement) => {
    if (scroller.scrollTop > 0) stopFollowing();
  };
  const scrollBackHandlers = following
    ? {
        onWheel: (event: WheelEvent<HTMLElement>) => {
          if (event.deltaY < 0) stopFollowingIfScrolled(event.currentTarget);
        },
        onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
          if (SCROLL_BACK_KEYS.has(event.key)) stopFollowingIfScrolled(event.currentTarget);
        },
        onPointerDown: stopFollowing,
      }
    : {};

  return (
    <div className="flex min-h-0 flex-1 flex-col md:flex-row">
      <aside className="max-h-44 shrink-0 overflow-auto border-b [contain:content] border-zinc-800 p-2 md:max-h-none md:w-60 md:border-r md:border-b-0">
        <div className="flex items-center justify-between px-2 pb-1.5 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">
          <span>Files</span>
          {paths.length > 0 && <span className="font-mono normal-case">{Object.keys(files).length}</span>}
        </div>
        <FileTree paths={paths} markers={markers} selectedPath={shownPath} onSelect={onPickPath} flash={flash} />
      </aside>

      <section className="flex min-h-0 min-w-0 flex-1 flex-col" aria-label="Code">
        <header className="relative flex h-10 shrink-0 items-center gap-2 border-b border-zinc-800 px-3">
          {flash && flash.path === shownPath && (
            <span key={flash.nonce} aria-hidden="true" className="pointer-events-none absolute inset-0 motion-safe:animate-flash" />
          )}
          <span className="min-w-0 flex-1 truncate font-mono text-xs text-zinc-300">{shownPath ?? ''}</span>
          {writing &&
            (shownMarker === 'editing' ? (
              <span className="text-xs text-amber-300">editing…</span>
            ) : (
              <span className="text-xs text-sky-300">writing…</span>
            ))}
          {isStreaming && pinned && (
            <button
              type="button"
              onClick={() => onPickPath(null)}
              className="inline-flex items-center gap-1 rounded-md border border-zinc-700 px-2 py-0.5 text-xs text-zinc-300 hover:border-zinc-500 hover:text-white"
            >
              <Icon name="follow" className="size-3" /> Follow live
            </button>
          )}
          {shownCode !== undefined && (
            <>
              <span className="font-mono text-[11px] text-zinc-500">{lineCount(shownCode)} lines</span>
              <CopyButton text={shownCode} label={`Copy ${shownPath}`} />
            </>
          )}
        </header>
        {notice && (
          <p className="flex shrink-0 items-start gap-2 border-b border-amber-900/50 bg-amber-950/30 px-3 py-2 text-xs text-amber-200">
            <Icon name="warning" className="mt-px size-3.5 shrink-0" />
            {notice}
          </p>
        )}
        {/* Keyed by file, so opening another file starts at its top. Its size comes from the
            layout around it, never from the code, so it is contained (strict): a typing step then
            lays out and paints the code alone, not the page around it. */}
        <div
          key={shownPath}
          data-code-scroller
          className="min-h-0 flex-1 overflow-auto bg-[#1b1b1d] [contain:strict]"
          {...scrollBackHandlers}
        >
          {shownPath !== null && shownCode !== undefined ? (
            <HighlightedCode
              path={shownPath}
              code={shownCode}
              writing={typingHere}
              followCaret={following && typingHere}
              source={source}
              hunk={hunk}
            />
          ) : (
            <div className="flex h-full items-center justify-center p-6 text-sm text-zinc-500">
              {placeholder(isLoading, shownMarker, isStreaming)}
            </div>
          )}
        </div>
      </section>
    </div>
  );
}
