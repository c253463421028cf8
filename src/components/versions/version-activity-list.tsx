import { Icon, type IconName } from '../ui/icon';
import type { ActivityItem, ActivityKind } from './version-activity';

const KIND_ICONS: Record<ActivityKind, IconName> = {
  read: 'file',
  plan: 'folder',
  think: 'spark',
  write: 'copy',
  validate: 'check',
  usage: 'coin',
};

/**
 * The quiet lines above a version card: "Read src/index.ts and 9 more files", "Thought for 4s", "Validated in 3.2s",
 * "5.8k tokens · $0.06". A line with more to say has it in a tooltip, repeated for screen readers.
 */
export function VersionActivityList({ versionNumber, items }: { versionNumber: number; items: readonly ActivityItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul aria-label={`What happened in v${versionNumber}`} data-testid="version-activity" className="mb-1.5 flex flex-wrap gap-x-3 gap-y-0.5 px-1 text-xs text-zinc-500">
      {items.map((item) => (
        <li key={item.kind + item.text} data-kind={item.kind} title={item.title} className="flex items-center gap-1.5">
          <Icon name={KIND_ICONS[item.kind]} className="size-3 text-zinc-600" />
          {item.text}
          {item.title && <span className="sr-only">({item.title.replace(/\n/g, '; ')})</span>}
        </li>
      ))}
    </ul>
  );
}
