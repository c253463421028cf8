'use client';

import type { VersionStatus, VersionSummary } from '@/types/versioning';
import { versionLabel, versionStateLabel } from '@/hooks/version-rules';
import { Icon } from './icon';

interface VersionSelectorProps {
  versions: readonly VersionSummary[];
  selectedId: string | null;
  /** The live status of the streaming version, ahead of `versions`. */
  liveStatus: { versionId: string; status: VersionStatus } | null;
  onSelect: (versionId: string) => void;
}

/** "v3 (Add publishers) ← v1 · validated ✓". */
function optionText(version: VersionSummary, status: VersionStatus): string {
  const base = version.baseVersionNumber !== null ? ` ← v${version.baseVersionNumber}` : '';
  // A live status runs ahead of the list: the version's saved stop reason and checks are not known yet.
  const state = status === version.status ? versionStateLabel(status, version.stopReason, version.validation?.checks ?? []) : versionStateLabel(status, null, []);
  return `${versionLabel(version)}${base} · ${state}`;
}

/** A native select: keyboard, screen readers and mobile pickers work without extra code. */
export function VersionSelector({ versions, selectedId, liveStatus, onSelect }: VersionSelectorProps) {
  if (versions.length === 0) return null;
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
          <option key={version.id} value={version.id}>
            {optionText(version, liveStatus?.versionId === version.id ? liveStatus.status : version.status)}
          </option>
        ))}
      </select>
      <span className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-zinc-500">
        <Icon name="chevronDown" className="size-3.5" />
      </span>
    </div>
  );
}
