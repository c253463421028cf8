'use client';

import type { ReactNode } from 'react';
import { PaneSwitch } from './pane-switch';
import type { LayoutMode } from '@/workspace/layout-mode';
import type { WorkspacePanel } from '@/workspace/workspace-state';

export const CODE_PANEL_ID = 'workspace-code';
export const API_PANEL_ID = 'workspace-api';

interface WorkspaceMainPaneProps {
  panel: WorkspacePanel;
  onPanelChange: (panel: WorkspacePanel) => void;
  layout: LayoutMode;
  /** Phones: the chat sheet is up, so the pane underneath takes no input. */
  inert: boolean;
  /** The code viewer, or the comparison of two versions. */
  code: ReactNode;
  api: ReactNode;
}

/**
 * The pane beside the chat: the code or the API, switched by the Code | API buttons on desktops and
 * phones and by the top tabs on tablets (where the chat tab hides it). Both stay mounted, so neither
 * loses its scroll or its state when the other is shown.
 */
export function WorkspaceMainPane({ panel, onPanelChange, layout, inert, code, api }: WorkspaceMainPaneProps) {
  const tabpanel = (id: string) => (layout === 'tablet' ? { role: 'tabpanel', 'aria-labelledby': `${id}-tab` } : {});
  return (
    <div inert={inert} className={`flex min-w-0 flex-1 flex-col ${panel === 'chat' ? 'md:hidden' : ''} xl:flex xl:w-3/5 xl:flex-none`}>
      <PaneSwitch active={panel === 'api' ? 'api' : 'code'} onChange={onPanelChange} />
      <section id={CODE_PANEL_ID} aria-label="Code viewer" {...tabpanel(CODE_PANEL_ID)} className={`min-h-0 flex-1 flex-col ${panel === 'api' ? 'hidden' : 'flex'}`}>
        {code}
      </section>
      <section id={API_PANEL_ID} aria-label="API" {...tabpanel(API_PANEL_ID)} className={`min-h-0 flex-1 flex-col ${panel === 'api' ? 'flex' : 'hidden'}`}>
        {api}
      </section>
    </div>
  );
}
