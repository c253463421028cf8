'use client';

import { memo } from 'react';
import type { VersionSummary } from '@/types/versioning';
import { Icon } from '../ui/icon';
import { projectUsageLine } from './version-usage';

/**
 * What the project's versions have used so far, beside the version dropdown: "48k tokens · $0.41", failed
 * versions included. Nothing while no version reported tokens (the offline generator reports none).
 * Memoized: the header re-renders with every stream batch, the total changes only with the versions list.
 */
export const ProjectUsageTotal = memo(function ProjectUsageTotal({ versions }: { versions: readonly VersionSummary[] }) {
  const line = projectUsageLine(versions);
  if (!line) return null;
  return (
    <span
      data-testid="project-usage"
      title={line.title}
      className="inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap font-mono text-[11px] text-zinc-500"
    >
      <Icon name="coin" className="size-3.5 text-zinc-600" />
      <span className="sr-only">Project total: </span>
      {line.text}
      <span className="sr-only">({line.title.replace(/\n/g, '; ')})</span>
    </span>
  );
});
