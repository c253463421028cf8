'use client';

import { Icon, type IconName } from '../ui/icon';

export type MainPane = 'code' | 'api';

const PANES: Array<{ id: MainPane; label: string; icon: IconName }> = [
  { id: 'code', label: 'Code', icon: 'file' },
  { id: 'api', label: 'API', icon: 'send' },
];

/**
 * Code | API above the main pane on desktops and phones; tablets have the same choice in their
 * top tabs, so it hides there.
 */
export function PaneSwitch({ active, onChange }: { active: MainPane; onChange: (pane: MainPane) => void }) {
  return (
    <div role="group" aria-label="Main pane" className="flex shrink-0 gap-1 border-b border-zinc-800 px-2 pt-1.5 md:hidden xl:flex">
      {PANES.map(({ id, label, icon }) => (
        <button
          key={id}
          type="button"
          data-testid={`pane-${id}`}
          aria-pressed={active === id}
          onClick={() => onChange(id)}
          className="-mb-px inline-flex items-center gap-1.5 rounded-t-md border border-transparent px-3 py-1 text-xs text-zinc-400 hover:text-zinc-200 aria-pressed:border-zinc-800 aria-pressed:border-b-zinc-950 aria-pressed:bg-zinc-950 aria-pressed:text-white"
        >
          <Icon name={icon} className="size-3.5" />
          {label}
        </button>
      ))}
    </div>
  );
}
