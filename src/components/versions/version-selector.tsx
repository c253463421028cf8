'use client';

import { memo } from 'react';
import type { VersionStatus, VersionSummary } from '@/types/versioning';
import { Icon } from '../ui/icon';
import { versionOptionText, versionOptionTitle } from './version-option';

interface VersionSelectorProps {
  versions: readonly VersionSummary[];
  selectedId: string | null;
  /** The live status of the streaming version, ahead of `versions`. */
  liveStatus: { versionId: string; status: VersionStatus } | null;
  onSelect: (versionId: string) => void;
}

/**
 * A native select: keyboard, screen readers and mobile pickers work without extra code. Memoized:
 * the workspace re-renders with every stream batch, the dropdown only when a version changes.
 */
export const VersionSelector = memo(function VersionSelector({ versions, selectedId, liveStatus, onSelect }: VersionSelectorProps) {
  if (versions.length === 0) return null;
  const now = new Date();
  return (
    <div className="relative min-w-0 flex-1 md:flex-none">
      <label htmlFor="version-selector" className="sr-only">
        Version
      </label>
      <select
        id="version-selector"
        data-testid="version-selector"
        value={selectedId ?? ''}
        onChange={(event) => onSelect(event.target.value)}
        className="h-8 w-full max-w-[16rem] cursor-pointer appearance-none truncate rounded-lg border border-zinc-800 bg-zinc-900 pr-8 pl-3 font-mono text-xs text-zinc-200 hover:border-zinc-700"
      >
        {[...versions].reverse().map((version) => (
          <option key={version.id} value={version.id} title={versionOptionTitle(version)}>
            {versionOptionText(version, liveStatus?.versionId === version.id ? liveStatus.status : version.status, now)}
          </option>
        ))}
      </select>
      <span className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-zinc-500">
        <Icon name="chevronDown" className="size-3.5" />
      </span>
    </div>
  );
});
