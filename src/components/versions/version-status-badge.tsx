import { statusLabel } from '@/shared/version-rules';
import type { VersionStatus } from '@/types/versioning';

const STYLES: Record<VersionStatus, { className: string; dot: string }> = {
  pending: { className: 'bg-zinc-800 text-zinc-300', dot: 'bg-zinc-400' },
  generating: { className: 'bg-sky-500/15 text-sky-300', dot: 'bg-sky-400' },
  validating: { className: 'bg-violet-500/15 text-violet-300', dot: 'bg-violet-400' },
  complete: { className: 'bg-emerald-500/15 text-emerald-300', dot: 'bg-emerald-400' },
  failed: { className: 'bg-red-500/15 text-red-300', dot: 'bg-red-400' },
};

/** `label` says more than the status when there is more to say ("validated ✓", "stopped"). */
export function VersionStatusBadge({ status, label, testId }: { status: VersionStatus; label?: string; testId?: string }) {
  const style = STYLES[status];
  return (
    <span
      data-testid={testId}
      data-status={status}
      role="status"
      className={`inline-flex shrink-0 items-center whitespace-nowrap gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${style.className}`}
    >
      <span className={`size-1.5 rounded-full ${style.dot}`} aria-hidden="true" />
      {label ?? statusLabel(status)}
    </span>
  );
}
