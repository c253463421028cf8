'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { markersFromChanges, markersFromStream } from '@/workspace/file-markers';
import { hasSavedFiles } from '@/shared/version-rules';
import { errorCode, errorMessage } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import type { VersionSummary } from '@/types/versioning';
import { composeStreamedFiles, liveEdit } from '@/workspace/stream/generation-stream-state';
import { connectionIndicator } from '@/workspace/stream/stream-follow-plan';
import { showsStream, streamBaseVersionId, wantedStreamVersionId } from '@/workspace/stream-following';
import {
  headerComparison,
  planVersionAction,
  promptBaseVersionId,
  restoredConfirmation,
  type VersionCardAction,
} from '@/workspace/version-actions';
import { codeNotice, selectedVersion, workspaceView } from '@/workspace/workspace-view';
import { INITIAL_WORKSPACE_STATE, workspaceReducer, type ComparedPair, type WorkspacePanel } from '@/workspace/workspace-state';
import { useChatMessages } from './use-chat-messages';
import { useFileReconstruction } from './use-file-reconstruction';
import { useFollowedStream } from './use-followed-stream';
import { useLayoutMode } from './use-layout-mode';
import { useStableCallback } from './use-stable-callback';
import { useVersionActions } from './use-version-actions';
import { useVersions } from './use-versions';

/** Errors that mean the project is not there for this person, rather than that loading it failed. */
const MISSING_PROJECT_CODES = ['NOT_FOUND', 'BAD_REQUEST', 'FORBIDDEN'];

/**
 * The workspace page's controller: the project's data, the followed stream, what the person chose
 * (workspace-state) and what all that shows (workspace-view), and the actions of the header, the
 * chat, the version cards and the code pane. The page only renders what it returns.
 */
export function useWorkspace(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const layout = useLayoutMode();
  const project = useQuery(trpc.projects.get.queryOptions({ projectId }, { retry: false }));
  const { versions, active, isLoading: versionsLoading, refresh: refreshVersions } = useVersions(projectId);
  const chat = useChatMessages(projectId);
  const actions = useVersionActions(projectId, project.data?.name ?? 'api');
  const [state, dispatch] = useReducer(workspaceReducer, INITIAL_WORKSPACE_STATE);

  const { selectedId, selected } = selectedVersion(versions, state.selectedVersionId);
  const savedFiles = useFileReconstruction(selected && hasSavedFiles(selected) ? selected.id : null);
  const { stream, live, expectedBaseId, follow } = useFollowedStream(projectId, wantedStreamVersionId(active, selected), {
    onEnded: (ended) => {
      void refreshVersions();
      void chat.refresh();
      void savedFiles.refreshVersion(ended.versionId);
      void queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
    },
    onOtherVersionStarted: () => {
      void refreshVersions();
      void chat.refresh();
    },
  });

  const view = workspaceView({ versions, active, selectedId, selected, live });

  // The followed stream when the code pane shows it (the selected version, before its saved files are in).
  const shownStream = live && showsStream(live, selectedId, savedFiles.files !== null) ? live : null;
  const baseFiles = useFileReconstruction(shownStream ? streamBaseVersionId(shownStream, selected, expectedBaseId) : null);
  const files = useMemo(
    () => (shownStream ? composeStreamedFiles(baseFiles.files ?? {}, shownStream) : (savedFiles.files ?? {})),
    [shownStream, baseFiles.files, savedFiles.files],
  );
  const markers = useMemo(
    () => (shownStream ? markersFromStream(shownStream) : markersFromChanges(selected?.changes ?? [])),
    [shownStream, selected?.changes],
  );

  const liveVersionId = live?.versionId ?? null;
  // One object per status change, so the memoized dropdown skips the code chunks' renders.
  const liveStatus = useMemo(
    () => (liveVersionId && view.liveStatus ? { versionId: liveVersionId, status: view.liveStatus } : null),
    [liveVersionId, view.liveStatus],
  );

  const stop = useMutation(
    trpc.versions.stop.mutationOptions({ onError: (error) => dispatch({ type: 'action-failed', message: errorMessage(error) }) }),
  );

  useEffect(() => {
    if (project.data) document.title = `${project.data.name} · API Forge`;
  }, [project.data]);

  /** Any version the person just made (a run or a restore): select it and bring the chat down to it. */
  async function showCreatedVersion(versionId: string) {
    // Select it once the list knows it, so the dropdown never shows a version it has no entry for.
    await Promise.all([refreshVersions(), chat.refresh()]);
    dispatch({ type: 'version-created', versionId });
  }

  /** A version was just made (sent, regenerated, fixed): follow its stream and show it. */
  async function showNewVersion(versionId: string, expectedBase: string | null) {
    follow(versionId, expectedBase);
    await showCreatedVersion(versionId);
  }

  async function send(prompt: string): Promise<boolean> {
    dispatch({ type: 'action-started' });
    try {
      const created = await chat.send.mutateAsync({ projectId, prompt, baseVersionId: view.explicitBase });
      await showNewVersion(created.versionId, promptBaseVersionId(versions, view.explicitBase));
      return true;
    } catch (error) {
      dispatch({ type: 'action-failed', message: errorMessage(error) });
      return false;
    }
  }

  function stopRunning() {
    if (view.runningId) stop.mutate({ versionId: view.runningId });
  }

  function openComparison(pair: ComparedPair) {
    dispatch({ type: 'comparison-opened', pair, layout });
  }

  /** Header "Compare": the viewed version against the one before it; pressed again, it closes. */
  function compareSelected() {
    if (state.compared) return dispatch({ type: 'comparison-closed' });
    const pair = headerComparison(versions, selected);
    if (pair) openComparison(pair);
  }

  async function runVersionAction(version: VersionSummary, action: VersionCardAction): Promise<string | null> {
    dispatch({ type: 'action-started' });
    const plan = planVersionAction(versions, version, action);
    try {
      switch (plan.kind) {
        case 'run': {
          const input = { versionId: version.id };
          const created = plan.call === 'fix' ? await actions.fix.mutateAsync(input) : await actions.regenerate.mutateAsync(input);
          await showNewVersion(created.versionId, plan.expectedBaseId);
          return null;
        }
        case 'restore': {
          const restored = await actions.restore.mutateAsync({ versionId: version.id });
          await showCreatedVersion(restored.versionId);
          return restoredConfirmation(restored.versionNumber);
        }
        case 'copy':
          return await actions.copyFiles(version.id);
        case 'zip':
          return await actions.downloadZip(version.id, version.versionNumber);
        case 'compare':
          if (plan.pair) openComparison(plan.pair);
          return null;
        case 'branch':
          dispatch({ type: 'branch-started', versionId: version.id, layout });
          return null;
      }
    } catch (error) {
      dispatch({ type: 'action-failed', message: errorMessage(error) });
      return null;
    }
  }

  // Stable identities, so the memoized version cards and dropdown skip the re-render of every stream batch.
  const selectVersion = useStableCallback((versionId: string) => dispatch({ type: 'version-selected', versionId }));
  const openFile = useStableCallback((versionId: string, path: string) => dispatch({ type: 'file-opened', versionId, path, layout }));
  const versionAction = useStableCallback(runVersionAction);
  const changePanel = useCallback((panel: WorkspacePanel) => dispatch({ type: 'panel-changed', panel }), []);
  const changeSheetOpen = useCallback((open: boolean) => dispatch({ type: 'sheet-changed', open }), []);
  const pickPath = useCallback((path: string | null) => dispatch({ type: 'path-picked', path }), []);

  const missing = project.isError && MISSING_PROJECT_CODES.includes(errorCode(project.error) ?? '');
  return {
    layout,
    state,
    projectName: project.data?.name ?? null,
    /** Why the project cannot be shown, when it does not exist for this person. */
    missingProjectMessage: missing ? errorMessage(project.error) : null,
    connection: { indicator: connectionIndicator(stream.realtimeStatus, stream.error), transport: stream.transport },
    streamError: stream.error,
    versions,
    selectedId,
    selected,
    live,
    liveStatus,
    view,
    chat: { messages: chat.messages, isLoading: chat.isLoading || versionsLoading, isSending: chat.send.isPending },
    isStopping: stop.isPending,
    code: {
      files,
      markers,
      writingPath: shownStream ? shownStream.currentFile : null,
      liveEdit: shownStream ? liveEdit(shownStream) : null,
      isStreaming: shownStream !== null && !shownStream.ended,
      source: shownStream ? ('stream' as const) : ('saved' as const),
      isLoading: versionsLoading || savedFiles.isLoading || (shownStream !== null && baseFiles.isLoading),
      notice: codeNotice(savedFiles.problems, shownStream?.ended?.kind === 'failed', savedFiles.error ? errorMessage(savedFiles.error) : null),
    },
    on: {
      send,
      stopRunning,
      compareSelected,
      selectVersion,
      openFile,
      versionAction,
      changePanel,
      changeSheetOpen,
      pickPath,
      changeComparison: (fromVersionId: string, toVersionId: string) => dispatch({ type: 'comparison-changed', fromVersionId, toVersionId }),
      closeComparison: () => dispatch({ type: 'comparison-closed' }),
      cancelBranch: () => dispatch({ type: 'branch-cancelled' }),
    },
  };
}

export type Workspace = ReturnType<typeof useWorkspace>;
