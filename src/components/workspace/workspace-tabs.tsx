'use client';

import { useRef, type KeyboardEvent } from 'react';
import type { WorkspacePanel } from '@/workspace/workspace-state';

const PANELS: readonly WorkspacePanel[] = ['chat', 'code', 'api'];
const LABELS: Record<WorkspacePanel, string> = { chat: 'Chat', code: 'Code', api: 'API' };

interface WorkspaceTabsProps {
  panel: WorkspacePanel;
  onChange: (panel: WorkspacePanel) => void;
  /** The ids of the panels' elements, for aria-controls. */
  panelIds: Record<WorkspacePanel, string>;
  /** Extra classes: the tabs exist only in the tablet layout. */
  className: string;
}

/** Chat | Code | API on tablets, as an ARIA tablist: the arrow keys move between the tabs. */
export function WorkspaceTabs({ panel, onChange, panelIds, className }: WorkspaceTabsProps) {
  const tabRefs = useRef<Partial<Record<WorkspacePanel, HTMLButtonElement | null>>>({});

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = PANELS[(PANELS.indexOf(panel) + (event.key === 'ArrowRight' ? 1 : PANELS.length - 1)) % PANELS.length]!;
    onChange(next);
    tabRefs.current[next]?.focus();
  }

  return (
    <div role="tablist" aria-label="Workspace panels" onKeyDown={onKeyDown} className={`shrink-0 border-b border-zinc-800 ${className}`}>
      {PANELS.map((name) => (
        <button
          key={name}
          ref={(element) => {
            tabRefs.current[name] = element;
          }}
          type="button"
          role="tab"
          id={`${panelIds[name]}-tab`}
          data-testid={`tab-${name}`}
          aria-selected={panel === name}
          aria-controls={panelIds[name]}
          tabIndex={panel === name ? 0 : -1}
          onClick={() => onChange(name)}
          className={`flex-1 py-2 text-sm ${panel === name ? 'border-b-2 border-sky-400 text-white' : 'text-zinc-400 hover:text-zinc-200'}`}
        >
          {LABELS[name]}
        </button>
      ))}
    </div>
  );
}
