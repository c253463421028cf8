// What the person has chosen in the workspace (the version viewed, the file, the panel, the
// comparison) and how each of their moves changes it. Pure: the controller hook dispatches these
// events, and the tests replay them without React.
import type { LayoutMode } from './layout-mode';

/** The tab shown on tablets, and on desktops whether the main pane shows the code or the API. */
export type WorkspacePanel = 'chat' | 'code' | 'api';

/** Asks the chat to scroll to a version; a new `nonce` asks again. */
export interface ChatReveal {
  versionId: string;
  /** Keep following it at the bottom (a version just made), rather than only scrolling to it. */
  follow: boolean;
  nonce: number;
}

export interface ComparedPair {
  fromVersionId: string;
  toVersionId: string;
  /** "Compare with…" lands on the first select, to pick the other version. */
  focus: 'from' | 'close';
}

export interface WorkspaceState {
  /** null shows the latest version. */
  selectedVersionId: string | null;
  /** The file the person opened; null lets the viewer choose. */
  pickedPath: string | null;
  /** A file to flash in the tree; a new `nonce` flashes it again. */
  flash: { path: string; nonce: number } | null;
  panel: WorkspacePanel;
  /** The chat's bottom sheet on phones. */
  sheetOpen: boolean;
  /** The two versions compared in the main pane, instead of the code. */
  compared: ComparedPair | null;
  /** Counts requests to focus the chat input. */
  chatFocusRequest: number;
  revealVersion: ChatReveal | null;
  /** Why the last send or version action failed. */
  actionError: string | null;
}

export type WorkspaceEvent =
  /** Picked in the header's dropdown. */
  | { type: 'version-selected'; versionId: string }
  /** A version the person just made (a run or a restore), once the version list knows it. */
  | { type: 'version-created'; versionId: string }
  /** A file clicked in the chat. */
  | { type: 'file-opened'; versionId: string; path: string; layout: LayoutMode }
  | { type: 'comparison-opened'; pair: ComparedPair; layout: LayoutMode }
  | { type: 'comparison-changed'; fromVersionId: string; toVersionId: string }
  | { type: 'comparison-closed' }
  /** "Branch from here": view that version and write the next prompt on it. */
  | { type: 'branch-started'; versionId: string; layout: LayoutMode }
  /** Back to the latest version. */
  | { type: 'branch-cancelled' }
  | { type: 'path-picked'; path: string | null }
  | { type: 'panel-changed'; panel: WorkspacePanel }
  | { type: 'sheet-changed'; open: boolean }
  | { type: 'action-started' }
  | { type: 'action-failed'; message: string };

export const INITIAL_WORKSPACE_STATE: WorkspaceState = {
  selectedVersionId: null,
  pickedPath: null,
  flash: null,
  panel: 'chat',
  sheetOpen: false,
  compared: null,
  chatFocusRequest: 0,
  revealVersion: null,
  actionError: null,
};

/** The state with these changes; the same object when none changes anything, so React skips the render. */
function update(state: WorkspaceState, changes: Partial<WorkspaceState>): WorkspaceState {
  const keys = Object.keys(changes) as Array<keyof WorkspaceState>;
  return keys.every((key) => Object.is(state[key], changes[key])) ? state : { ...state, ...changes };
}

function revealInChat(state: WorkspaceState, versionId: string, follow: boolean): ChatReveal {
  return { versionId, follow, nonce: (state.revealVersion?.nonce ?? 0) + 1 };
}

/**
 * Brings the code into view: on tablets its tab, wherever the API panel covers it the code panel,
 * and on phones the chat sheet closes over it.
 */
function showCode(state: WorkspaceState, layout: LayoutMode, changes: Partial<WorkspaceState>): WorkspaceState {
  return update(state, {
    ...changes,
    panel: layout === 'tablet' || state.panel === 'api' ? 'code' : state.panel,
    sheetOpen: layout === 'mobile' ? false : state.sheetOpen,
  });
}

export function workspaceReducer(state: WorkspaceState, event: WorkspaceEvent): WorkspaceState {
  switch (event.type) {
    case 'version-selected':
      return update(state, { selectedVersionId: event.versionId, revealVersion: revealInChat(state, event.versionId, false), compared: null });
    case 'version-created':
      return update(state, {
        selectedVersionId: event.versionId,
        pickedPath: null,
        compared: null,
        revealVersion: revealInChat(state, event.versionId, true),
      });
    case 'file-opened':
      return showCode(state, event.layout, {
        selectedVersionId: event.versionId,
        pickedPath: event.path,
        flash: { path: event.path, nonce: (state.flash?.nonce ?? 0) + 1 },
        compared: null,
      });
    case 'comparison-opened':
      return showCode(state, event.layout, { compared: event.pair });
    case 'comparison-changed':
      return state.compared ? update(state, { compared: { ...state.compared, fromVersionId: event.fromVersionId, toVersionId: event.toVersionId } }) : state;
    case 'comparison-closed':
      return update(state, { compared: null });
    case 'branch-started':
      return update(state, {
        selectedVersionId: event.versionId,
        pickedPath: null,
        panel: event.layout === 'tablet' ? 'chat' : state.panel,
        chatFocusRequest: state.chatFocusRequest + 1,
      });
    case 'branch-cancelled':
      return update(state, { selectedVersionId: null });
    case 'path-picked':
      return update(state, { pickedPath: event.path });
    case 'panel-changed':
      return update(state, { panel: event.panel });
    case 'sheet-changed':
      return update(state, { sheetOpen: event.open });
    case 'action-started':
      return update(state, { actionError: null });
    case 'action-failed':
      return update(state, { actionError: event.message });
  }
}
