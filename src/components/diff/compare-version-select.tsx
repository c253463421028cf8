import { versionLabel } from '@/shared/version-rules';
import type { VersionSummary } from '@/types/versioning';

interface CompareVersionSelectProps {
  /** Also the test id. */
  id: string;
  label: string;
  value: string;
  versions: readonly VersionSummary[];
  onChange: (versionId: string) => void;
}

/** One side of the diff viewer's pair: a native select, newest first. */
export function CompareVersionSelect({ id, label, value, versions, onChange }: CompareVersionSelectProps) {
  return (
    <label htmlFor={id} className="flex items-center gap-1.5 text-xs text-zinc-400">
      {label}
      <select
        id={id}
        data-testid={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="h-8 max-w-[11rem] cursor-pointer truncate rounded-lg border border-zinc-800 bg-zinc-900 px-2 font-mono text-xs text-zinc-200 hover:border-zinc-700"
      >
        {[...versions].reverse().map((version) => (
          <option key={version.id} value={version.id}>
            {versionLabel(version)}
          </option>
        ))}
      </select>
    </label>
  );
}
