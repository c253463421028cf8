import { describe, expect, it } from 'vitest';
import { INITIAL_WORKSPACE_STATE, workspaceReducer, type WorkspaceEvent, type WorkspaceState } from './workspace-state';

function after(events: WorkspaceEvent[], from: WorkspaceState = INITIAL_WORKSPACE_STATE): WorkspaceState {
  return events.reduce(workspaceReducer, from);
}

const pair = { fromVersionId: 'v1', toVersionId: 'v2', focus: 'close' } as const;

describe('workspaceReducer', () => {
  it('selects a version from the dropdown, scrolls the chat to it without following, and leaves a comparison', () => {
    const state = after([{ type: 'comparison-opened', pair, layout: 'desktop' }, { type: 'version-selected', versionId: 'v2' }]);
    expect(state.selectedVersionId).toBe('v2');
    expect(state.revealVersion).toEqual({ versionId: 'v2', follow: false, nonce: 1 });
    expect(state.compared).toBeNull();
  });

  it('shows a version just made: selected, its file choice and comparison reset, the chat following it', () => {
    const state = after([
      { type: 'file-opened', versionId: 'v1', path: 'src/index.ts', layout: 'desktop' },
      { type: 'comparison-opened', pair, layout: 'desktop' },
      { type: 'version-selected', versionId: 'v1' },
      { type: 'version-created', versionId: 'v3' },
    ]);
    expect(state).toMatchObject({ selectedVersionId: 'v3', pickedPath: null, compared: null });
    expect(state.revealVersion).toEqual({ versionId: 'v3', follow: true, nonce: 2 });
  });

  it('opens a file from the chat: selects its version, picks and flashes it, closes a comparison', () => {
    const once = after([
      { type: 'comparison-opened', pair, layout: 'desktop' },
      { type: 'file-opened', versionId: 'v1', path: 'src/index.ts', layout: 'desktop' },
    ]);
    expect(once).toMatchObject({ selectedVersionId: 'v1', pickedPath: 'src/index.ts', compared: null, flash: { path: 'src/index.ts', nonce: 1 } });
    expect(workspaceReducer(once, { type: 'file-opened', versionId: 'v1', path: 'src/index.ts', layout: 'desktop' }).flash?.nonce).toBe(2);
  });

  it('brings the code into view for a file or a comparison, as each layout needs', () => {
    const open = (layout: 'mobile' | 'tablet' | 'desktop', from: Partial<WorkspaceState>) =>
      workspaceReducer({ ...INITIAL_WORKSPACE_STATE, ...from }, { type: 'comparison-opened', pair, layout });
    // Tablets: the code tab, from any tab.
    expect(open('tablet', { panel: 'chat' }).panel).toBe('code');
    // Desktops: the chat stays beside the code; only the API panel gives way.
    expect(open('desktop', { panel: 'chat' }).panel).toBe('chat');
    expect(open('desktop', { panel: 'api' }).panel).toBe('code');
    // Phones: the chat sheet closes over the code.
    expect(open('mobile', { panel: 'chat', sheetOpen: true })).toMatchObject({ panel: 'chat', sheetOpen: false });
    expect(open('desktop', { sheetOpen: true }).sheetOpen).toBe(true);
  });

  it('changes or closes the compared pair, keeping where the focus went', () => {
    const opened = after([{ type: 'comparison-opened', pair: { ...pair, focus: 'from' }, layout: 'desktop' }]);
    expect(workspaceReducer(opened, { type: 'comparison-changed', fromVersionId: 'v0', toVersionId: 'v2' }).compared).toEqual({
      fromVersionId: 'v0',
      toVersionId: 'v2',
      focus: 'from',
    });
    expect(workspaceReducer(opened, { type: 'comparison-closed' }).compared).toBeNull();
    // Nothing compared: a change of pair opens nothing.
    expect(workspaceReducer(INITIAL_WORKSPACE_STATE, { type: 'comparison-changed', fromVersionId: 'v0', toVersionId: 'v2' })).toBe(
      INITIAL_WORKSPACE_STATE,
    );
  });

  it('branches from a version: views it, asks the chat input for focus, and on tablets shows the chat tab', () => {
    const onTablet = after([
      { type: 'panel-changed', panel: 'code' },
      { type: 'path-picked', path: 'src/index.ts' },
      { type: 'branch-started', versionId: 'v1', layout: 'tablet' },
    ]);
    expect(onTablet).toMatchObject({ selectedVersionId: 'v1', pickedPath: null, panel: 'chat', chatFocusRequest: 1 });
    const onDesktop = after([{ type: 'panel-changed', panel: 'api' }, { type: 'branch-started', versionId: 'v1', layout: 'desktop' }]);
    expect(onDesktop.panel).toBe('api');
    expect(workspaceReducer(onTablet, { type: 'branch-cancelled' }).selectedVersionId).toBeNull();
  });

  it('keeps the last action error until the next action starts', () => {
    const failed = after([{ type: 'action-failed', message: 'Version not found' }]);
    expect(failed.actionError).toBe('Version not found');
    expect(workspaceReducer(failed, { type: 'action-started' }).actionError).toBeNull();
  });

  it('returns the same state for an event that changes nothing, so React skips the render', () => {
    expect(workspaceReducer(INITIAL_WORKSPACE_STATE, { type: 'action-started' })).toBe(INITIAL_WORKSPACE_STATE);
    expect(workspaceReducer(INITIAL_WORKSPACE_STATE, { type: 'panel-changed', panel: 'chat' })).toBe(INITIAL_WORKSPACE_STATE);
    expect(workspaceReducer(INITIAL_WORKSPACE_STATE, { type: 'comparison-closed' })).toBe(INITIAL_WORKSPACE_STATE);
  });
});
