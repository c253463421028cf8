'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { hasSavedFiles } from '@/shared/version-rules';
import { errorMessage } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import type { VersionSummary } from '@/types/versioning';
import { ApiDiffSection } from './api-diff-section';
import { DiffFileSection, OPERATION_BADGES } from './diff-file-section';
import { diffFileAnchor, groupComparisons } from './diff-view-model';
import { CompareVersionSelect } from './compare-version-select';
import { Icon } from '../ui/icon';

interface VersionDiffViewerProps {
  versions: readonly VersionSummary[];
  fromVersionId: string;
  toVersionId: string;
  /** Where focus goes on opening: the close button, or the first select to pick the other version. */
  initialFocus: 'from' | 'close';
  onChange: (fromVersionId: string, toVersionId: string) => void;
  onClose: () => void;
}

/**
 * Any two saved versions side by side: pick them in the two selects, jump between changed
 * files from the list, unchanged files folded away. Compare answers never change, so each pair is
 * fetched once.
 */
export function VersionDiffViewer({ versions, fromVersionId, toVersionId, initialFocus, onChange, onClose }: VersionDiffViewerProps) {
  const trpc = useTRPC();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const [activePath, setActivePath] = useState<string | null>(null);
  const comparable = versions.filter(hasSavedFiles);
  const samePair = fromVersionId === toVersionId;
  const comparison = useQuery(
    trpc.versions.compare.queryOptions(samePair ? skipToken : { fromVersionId, toVersionId }, { staleTime: Infinity }),
  );
  // Fetched beside the files, so a slow or failing API diff never holds the file diff back.
  const apiDiff = useQuery(
    trpc.versions.apiDiff.queryOptions(samePair ? skipToken : { fromVersionId, toVersionId }, { staleTime: Infinity }),
  );
  const groups = comparison.data ? groupComparisons(comparison.data.files) : null;
  const fromNumber = versions.find((version) => version.id === fromVersionId)?.versionNumber ?? 0;
  const toNumber = versions.find((version) => version.id === toVersionId)?.versionNumber ?? 0;

  // Opening the comparison moves focus into it, so keyboard users land next to what changed.
  const [focusOnOpen] = useState(initialFocus);
  useEffect(() => {
    if (focusOnOpen === 'from') headerRef.current?.querySelector<HTMLSelectElement>('#diff-from')?.focus();
    else closeRef.current?.focus();
  }, [focusOnOpen]);

  function jumpTo(filePath: string) {
    setActivePath(filePath);
    const section = document.getElementById(diffFileAnchor(filePath));
    if (section && scrollerRef.current) scrollerRef.current.scrollTo({ top: section.offsetTop, behavior: 'smooth' });
  }

  return (
    <section
      aria-label={`Compare v${fromNumber} with v${toNumber}`}
      data-testid="diff-viewer"
      className="flex min-h-0 flex-1 flex-col"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header ref={headerRef} className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-800 px-3 py-2">
        <h2 className="flex items-center gap-1.5 text-sm font-medium text-zinc-100">
          <Icon name="compare" className="size-4 text-zinc-400" /> Compare
        </h2>
        <CompareVersionSelect id="diff-from" label="from" value={fromVersionId} versions={comparable} onChange={(id) => onChange(id, toVersionId)} />
        <button
          type="button"
          onClick={() => onChange(toVersionId, fromVersionId)}
          aria-label="Swap the two versions"
          title="Swap"
          className="rounded-md p-1.5 text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100"
        >
          <Icon name="swap" className="size-3.5" />
        </button>
        <CompareVersionSelect id="diff-to" label="to" value={toVersionId} versions={comparable} onChange={(id) => onChange(fromVersionId, id)} />
        {groups && (
          <p className="font-mono text-xs text-zinc-500" data-testid="diff-totals">
            {groups.changed.length} {groups.changed.length === 1 ? 'file' : 'files'} · <span className="text-emerald-400">+{groups.additions}</span>{' '}
            <span className="text-red-400">−{groups.deletions}</span>
          </p>
        )}
        <button
          ref={closeRef}
          type="button"
          data-testid="diff-close"
          onClick={onClose}
          aria-label="Close the comparison"
          title="Close (Esc)"
          className="ml-auto rounded-md p-1.5 text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100"
        >
          <Icon name="close" className="size-4" />
        </button>
      </header>

      {comparison.data && comparison.data.problems.length > 0 && (
        <p className="flex shrink-0 items-start gap-2 border-b border-amber-900/50 bg-amber-950/30 px-3 py-2 text-xs text-amber-200">
          <Icon name="warning" className="mt-px size-3.5 shrink-0" />
          Could not restore {comparison.data.problems.map((problem) => problem.filePath).join(', ')} exactly; the nearest verified content is compared.
        </p>
      )}

      {!samePair && !comparison.isError && <ApiDiffSection diff={apiDiff.data} error={apiDiff.isError ? errorMessage(apiDiff.error) : null} />}

      {samePair ? (
        <p className="p-6 text-center text-sm text-zinc-500">Pick two different versions to compare.</p>
      ) : comparison.isError ? (
        <p role="alert" className="p-6 text-center text-sm text-red-300">
          {errorMessage(comparison.error)}
        </p>
      ) : !groups ? (
        <p className="p-6 text-center text-sm text-zinc-500">Comparing…</p>
      ) : (
        <div className="flex min-h-0 flex-1 flex-col md:flex-row">
          <nav aria-label="Files in the comparison" className="max-h-40 shrink-0 overflow-auto border-b border-zinc-800 p-2 md:max-h-none md:w-64 md:border-r md:border-b-0">
            <ul className="space-y-px">
              {groups.changed.map((file) => {
                const badge = OPERATION_BADGES[file.operation];
                return (
                  <li key={file.filePath}>
                    <button
                      type="button"
                      data-testid="diff-nav-item"
                      data-path={file.filePath}
                      data-operation={file.operation}
                      aria-current={activePath === file.filePath ? 'true' : undefined}
                      onClick={() => jumpTo(file.filePath)}
                      title={`${file.filePath} (${badge.label})`}
                      className="flex w-full items-center gap-1.5 rounded-md px-2 py-1 text-left text-[13px] text-zinc-300 hover:bg-zinc-800/60 hover:text-white aria-[current=true]:bg-zinc-800 aria-[current=true]:text-white"
                    >
                      <span className={`w-3 shrink-0 font-mono text-[10px] font-semibold ${badge.className}`} aria-label={badge.label}>
                        {badge.letter}
                      </span>
                      <span className="min-w-0 flex-1 truncate">{file.filePath}</span>
                      <span className="shrink-0 font-mono text-[11px] text-emerald-400">+{file.additions}</span>
                      <span className="shrink-0 font-mono text-[11px] text-red-400">−{file.deletions}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {groups.unchanged.length > 0 && (
              <details className="mt-2 px-2 text-xs text-zinc-500" data-testid="diff-unchanged">
                <summary className="cursor-pointer py-1 hover:text-zinc-300">
                  {groups.unchanged.length} unchanged {groups.unchanged.length === 1 ? 'file' : 'files'}
                </summary>
                <ul className="mt-1 space-y-0.5 font-mono text-[11px]">
                  {groups.unchanged.map((file) => (
                    <li key={file.filePath} className="truncate" title={file.filePath}>
                      {file.filePath}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </nav>
          <div ref={scrollerRef} className="relative min-h-0 flex-1 overflow-auto bg-[#1b1b1d]">
            {groups.changed.length === 0 ? (
              <p className="p-6 text-center text-sm text-zinc-500">
                v{fromNumber} and v{toNumber} have the same files.
              </p>
            ) : (
              groups.changed.map((file) => (
                <DiffFileSection key={file.filePath} file={file} fromNumber={fromNumber} toNumber={toNumber} isActive={activePath === file.filePath} />
              ))
            )}
          </div>
        </div>
      )}
    </section>
  );
}
