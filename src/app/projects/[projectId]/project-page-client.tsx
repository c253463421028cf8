'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiPanel } from '@/components/api-console/api-panel';
import { ChatInput } from '@/components/chat/chat-input';
import { ChatInterface, type ChatReveal } from '@/components/chat/chat-interface';
import { ChatPanel } from '@/components/chat/chat-panel';
import { ConnectionIndicator } from '@/components/workspace/connection-indicator';
import { markersFromChanges, markersFromStream } from '@/components/code-viewer/file-tree-model';
import { Icon } from '@/components/ui/icon';
import { MobileChatBar } from '@/components/chat/mobile-chat-bar';
import { StreamingCodeViewer } from '@/components/code-viewer/streaming-code-viewer';
import type { VersionCardAction } from '@/components/versions/version-card';
import { VersionDiffViewer } from '@/components/diff/version-diff-viewer';
import { previousComparableVersion } from '@/components/versions/version-menu';
import { VersionSelector } from '@/components/versions/version-selector';
import { VersionStatusBadge } from '@/components/versions/version-status-badge';
import { API_PANEL_ID, CODE_PANEL_ID, WorkspaceMainPane } from '@/components/workspace/workspace-main-pane';
import { WorkspaceTabs, type WorkspacePanel } from '@/components/workspace/workspace-tabs';
import { composeStreamedFiles, shownStatus, type GenerationStreamState } from '@/workspace/stream/generation-stream-state';
import { connectionIndicator } from '@/workspace/stream/stream-follow-plan';
import { useChatMessages } from '@/hooks/use-chat-messages';
import { useFileReconstruction } from '@/hooks/use-file-reconstruction';
import { useGenerationStream } from '@/hooks/use-generation-stream';
import { useLayoutMode } from '@/hooks/use-layout-mode';
import { useStableCallback } from '@/hooks/use-stable-callback';
import { useVersionActions } from '@/hooks/use-version-actions';
import { useVersions } from '@/hooks/use-versions';
import { explicitBaseVersionId, hasSavedFiles, runningVersionId, versionStateLabel } from '@/shared/version-rules';
import { errorCode, errorMessage } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import type { VersionStatus, VersionSummary } from '@/types/versioning';

const RUNNING_LABELS: Partial<Record<VersionStatus, string>> = {
  pending: 'AI is starting',
  generating: 'AI is generating',
  validating: 'Validating',
};

const CHAT_PANEL_ID = 'workspace-chat';

/**
 * The base whose files a streaming version starts from: the stream says so first (`version:start`);
 * before that, the version list, or what was asked for when it was just created.
 */
function streamBaseVersionId(live: GenerationStreamState, summary: VersionSummary | null, expectedBaseId: string | null): string | null {
  if (live.baseVersionId !== undefined) return live.baseVersionId;
  return summary ? summary.baseVersionId : expectedBaseId;
}

interface ComparedPair {
  fromVersionId: string;
  toVersionId: string;
  /** "Compare with…" lands on the first select, to pick the other version. */
  focus: 'from' | 'close';
}

export function ProjectPageClient({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const layout = useLayoutMode();
  const project = useQuery(trpc.projects.get.queryOptions({ projectId }, { retry: false }));
  const { versions, latest, active, isLoading: versionsLoading, refresh: refreshVersions } = useVersions(projectId);
  const chat = useChatMessages(projectId);
  const actions = useVersionActions(project.data?.name ?? 'api');

  /** null shows the latest version. */
  const [selectedVersionId, setSelectedVersionId] = useState<string | null>(null);
  const [followedVersionId, setFollowedVersionId] = useState<string | null>(null);
  const [expectedBaseId, setExpectedBaseId] = useState<string | null>(null);
  const [pickedPath, setPickedPath] = useState<string | null>(null);
  const [flash, setFlash] = useState<{ path: string; nonce: number } | null>(null);
  const [panel, setPanel] = useState<WorkspacePanel>('chat');
  const [sheetOpen, setSheetOpen] = useState(false);
  const [compared, setCompared] = useState<ComparedPair | null>(null);
  const [chatFocusRequest, setChatFocusRequest] = useState(0);
  const [revealVersion, setRevealVersion] = useState<ChatReveal | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const chatBarButtonRef = useRef<HTMLButtonElement>(null);

  const selectedId = selectedVersionId ?? latest?.id ?? null;
  const selected = versions.find((version) => version.id === selectedId) ?? null;

  const savedFiles = useFileReconstruction(selected && hasSavedFiles(selected) ? selected.id : null);
  const stream = useGenerationStream(projectId, followedVersionId, {
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
  const live = stream.currentVersion;
  const liveRunning = live !== null && !live.ended;

  // Follow the running version; with none running, replay a selected version that failed before
  // saving, so its partial output can still be read. A running stream is never abandoned.
  const wantedStreamId =
    active?.id ?? (selected && selected.status === 'failed' && !hasSavedFiles(selected) ? selected.id : null);
  if (wantedStreamId && wantedStreamId !== followedVersionId && !liveRunning) setFollowedVersionId(wantedStreamId);

  const streamView = live !== null && live.versionId === selectedId && !savedFiles.files;
  const baseFiles = useFileReconstruction(streamView ? streamBaseVersionId(live, selected, expectedBaseId) : null);

  const files = useMemo(
    () => (streamView ? composeStreamedFiles(baseFiles.files ?? {}, live) : (savedFiles.files ?? {})),
    [streamView, baseFiles.files, live, savedFiles.files],
  );
  const markers = useMemo(
    () => (streamView ? markersFromStream(live) : markersFromChanges(selected?.changes ?? [])),
    [streamView, live, selected?.changes],
  );

  const liveListed = versions.find((version) => version.id === live?.versionId);
  const liveVersionId = live?.versionId ?? null;
  const liveShownStatus = live ? shownStatus(live, liveListed?.status ?? 'pending') : null;
  // One object per status change, so the memoized dropdown skips the code chunks' renders.
  const liveStatus = useMemo(
    () => (liveVersionId && liveShownStatus ? { versionId: liveVersionId, status: liveShownStatus } : null),
    [liveVersionId, liveShownStatus],
  );
  const selectedLive = liveStatus?.versionId === selectedId ? live : null;
  const selectedStatus: VersionStatus | null = selected ? shownStatus(selectedLive, selected.status) : null;
  const selectedStateLabel =
    selectedStatus &&
    versionStateLabel(
      selectedStatus,
      selected?.stopReason ?? (selectedLive?.ended?.kind === 'failed' ? selectedLive.ended.reason : null),
      selectedLive && selectedLive.validation.length > 0 ? selectedLive.validation : (selected?.validation?.checks ?? []),
    );
  const runningId = runningVersionId(live, active?.id ?? null);
  const runningNumber = (liveRunning ? live.versionNumber : null) ?? versions.find((version) => version.id === runningId)?.versionNumber;
  const runningStatus = liveRunning ? liveStatus?.status : active?.status;
  const generatingLabel =
    runningId && runningStatus && runningNumber ? `${RUNNING_LABELS[runningStatus] ?? 'AI is generating'} v${runningNumber}…` : null;

  const explicitBase = explicitBaseVersionId(versions, selectedId);
  const explicitBaseNumber = versions.find((version) => version.id === explicitBase)?.versionNumber ?? null;
  const comparable = versions.filter(hasSavedFiles);

  const stop = useMutation(trpc.versions.stop.mutationOptions({ onError: (error) => setActionError(errorMessage(error)) }));

  useEffect(() => {
    if (project.data) document.title = `${project.data.name} · API Forge`;
  }, [project.data]);

  function revealInChat(versionId: string, follow: boolean) {
    setRevealVersion((previous) => ({ versionId, follow, nonce: (previous?.nonce ?? 0) + 1 }));
  }

  /** A version was just made (sent, regenerated, fixed): follow its stream and show it. */
  async function showNewVersion(versionId: string, expectedBase: string | null) {
    setExpectedBaseId(expectedBase);
    setFollowedVersionId(versionId);
    await showCreatedVersion(versionId);
  }

  /** Any version the person just made (a run or a restore): select it and bring the chat down to it. */
  async function showCreatedVersion(versionId: string) {
    // Select it once the list knows it, so the dropdown never shows a version it has no entry for.
    await Promise.all([refreshVersions(), chat.refresh()]);
    setSelectedVersionId(versionId);
    setPickedPath(null);
    setCompared(null);
    revealInChat(versionId, true);
  }

  async function send(prompt: string): Promise<boolean> {
    setActionError(null);
    try {
      const created = await chat.send.mutateAsync({ projectId, prompt, baseVersionId: explicitBase });
      await showNewVersion(created.versionId, explicitBase ?? versions.findLast((version) => version.status === 'complete')?.id ?? null);
      return true;
    } catch (error) {
      setActionError(errorMessage(error));
      return false;
    }
  }

  function stopRunning() {
    if (runningId) stop.mutate({ versionId: runningId });
  }

  function showCodePanel() {
    if (layout === 'tablet' || panel === 'api') setPanel('code');
    if (layout === 'mobile') setSheetOpen(false);
  }

  function openFile(versionId: string, path: string) {
    setSelectedVersionId(versionId);
    setPickedPath(path);
    setFlash((previous) => ({ path, nonce: (previous?.nonce ?? 0) + 1 }));
    setCompared(null);
    showCodePanel();
  }

  function openComparison(pair: ComparedPair) {
    setCompared(pair);
    showCodePanel();
  }

  /** Header "Compare": the viewed version against the one before it; pressed again, it closes. */
  function compareSelected() {
    if (compared) return setCompared(null);
    const target = selected && hasSavedFiles(selected) ? selected : comparable.at(-1);
    if (!target) return;
    const from = previousComparableVersion(versions, target) ?? comparable.find((version) => version.id !== target.id);
    if (from) openComparison({ fromVersionId: from.id, toVersionId: target.id, focus: 'close' });
  }

  async function onVersionAction(version: VersionSummary, action: VersionCardAction): Promise<string | null> {
    setActionError(null);
    try {
      switch (action) {
        case 'regenerate':
        case 'retry': {
          const created = await actions.regenerate.mutateAsync({ versionId: version.id });
          await showNewVersion(created.versionId, version.baseVersionId);
          return null;
        }
        case 'fix': {
          const created = await actions.fix.mutateAsync({ versionId: version.id });
          await showNewVersion(created.versionId, version.id);
          return null;
        }
        case 'restore': {
          const restored = await actions.restore.mutateAsync({ versionId: version.id });
          await showCreatedVersion(restored.versionId);
          return `Restored as v${restored.versionNumber}`;
        }
        case 'copy':
          return await actions.copyFiles(version.id);
        case 'zip':
          return await actions.downloadZip(version.id, version.versionNumber);
        case 'compare-previous':
        case 'compare-any': {
          const from = previousComparableVersion(versions, version) ?? comparable.find((other) => other.id !== version.id);
          if (from) openComparison({ fromVersionId: from.id, toVersionId: version.id, focus: action === 'compare-any' ? 'from' : 'close' });
          return null;
        }
        case 'branch':
          setSelectedVersionId(version.id);
          setPickedPath(null);
          if (layout === 'tablet') setPanel('chat');
          setChatFocusRequest((count) => count + 1);
          return null;
      }
    } catch (error) {
      setActionError(errorMessage(error));
      return null;
    }
  }

  function selectVersion(versionId: string) {
    setSelectedVersionId(versionId);
    revealInChat(versionId, false);
    if (compared) setCompared(null);
  }

  // Stable identities, so the memoized version cards and dropdown skip the re-render of every stream batch.
  const stableSelectVersion = useStableCallback(selectVersion);
  const stableOpenFile = useStableCallback(openFile);
  const stableVersionAction = useStableCallback(onVersionAction);

  const projectMissing = project.isError && ['NOT_FOUND', 'BAD_REQUEST', 'FORBIDDEN'].includes(errorCode(project.error) ?? '');
  if (projectMissing) {
    return (
      <main className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
        <h1 className="text-xl font-semibold">This project does not exist</h1>
        <p className="text-sm text-zinc-400">{errorMessage(project.error)}</p>
        <Link href="/" className="text-sm text-sky-400 hover:text-sky-300">
          ← All projects
        </Link>
      </main>
    );
  }

  const notice = [
    ...savedFiles.problems.map((problem) => `Could not restore ${problem.filePath} (${problem.reason}); showing the nearest verified content.`),
    streamView && live.ended?.kind === 'failed' ? 'This version did not finish: this is its partial output, which was not saved.' : null,
    savedFiles.error ? errorMessage(savedFiles.error) : null,
  ]
    .filter(Boolean)
    .join(' ');

  const mobileSheetOpen = layout === 'mobile' && sheetOpen;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-800 px-4 py-2 md:h-12 md:flex-nowrap md:py-0">
        <Link href="/" className="font-mono text-xs font-semibold tracking-widest text-sky-400 uppercase hover:text-sky-300" aria-label="API Forge: all projects">
          Forge
        </Link>
        <span className="text-zinc-700" aria-hidden="true">
          /
        </span>
        <h1 className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-100">
          {project.data?.name ?? <span className="inline-block h-4 w-40 animate-pulse rounded bg-zinc-800 align-middle" />}
        </h1>
        <ConnectionIndicator indicator={connectionIndicator(stream.realtimeStatus, stream.error)} transport={stream.transport} />
        <div className="flex w-full min-w-0 items-center justify-end gap-2 md:w-auto">
          {selectedStatus && <VersionStatusBadge status={selectedStatus} label={selectedStateLabel ?? undefined} testId="version-status" />}
          <button
            type="button"
            data-testid="open-compare"
            onClick={compareSelected}
            disabled={comparable.length < 2}
            aria-pressed={compared !== null}
            title={comparable.length < 2 ? 'Comparing needs two saved versions' : 'Compare the viewed version with the one before it'}
            className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg border border-zinc-800 px-2.5 text-xs text-zinc-300 hover:border-zinc-700 hover:text-white disabled:cursor-not-allowed disabled:opacity-40 aria-pressed:border-sky-500/60 aria-pressed:text-sky-200"
          >
            <Icon name="compare" className="size-3.5" />
            <span className="max-sm:sr-only">Compare</span>
          </button>
          <VersionSelector
            versions={versions}
            selectedId={selectedId}
            liveStatus={liveStatus}
            onSelect={stableSelectVersion}
          />
        </div>
      </header>

      <WorkspaceTabs
        panel={panel}
        onChange={setPanel}
        panelIds={{ chat: CHAT_PANEL_ID, code: CODE_PANEL_ID, api: API_PANEL_ID }}
        className="hidden md:flex xl:hidden"
      />

      <div className="relative flex min-h-0 flex-1">
        <ChatPanel
          id={CHAT_PANEL_ID}
          layout={layout}
          sheetOpen={sheetOpen}
          onSheetOpenChange={setSheetOpen}
          focusOnCloseRef={chatBarButtonRef}
          hiddenByTab={panel !== 'chat'}
        >
          <ChatInterface
            messages={chat.messages}
            versions={versions}
            live={live}
            runningNumber={runningNumber ?? null}
            selectedVersionId={selectedId}
            isLoading={chat.isLoading || versionsLoading}
            streamError={stream.error}
            onOpenFile={stableOpenFile}
            onVersionAction={stableVersionAction}
            revealVersion={revealVersion}
          />
          <ChatInput
            onSend={send}
            onStop={stopRunning}
            generatingLabel={generatingLabel}
            runningNumber={runningNumber ?? null}
            runStoppedByUser={live?.ended?.kind === 'failed' && live.ended.reason === 'stopped'}
            isSending={chat.send.isPending}
            isStopping={stop.isPending}
            error={actionError}
            branchFromNumber={explicitBaseNumber}
            onCancelBranch={() => setSelectedVersionId(null)}
            focusRequest={chatFocusRequest}
          />
        </ChatPanel>
        <WorkspaceMainPane
          panel={panel}
          onPanelChange={setPanel}
          layout={layout}
          inert={mobileSheetOpen}
          code={
            compared ? (
              <VersionDiffViewer
                versions={versions}
                fromVersionId={compared.fromVersionId}
                toVersionId={compared.toVersionId}
                initialFocus={compared.focus}
                onChange={(fromVersionId, toVersionId) => setCompared({ ...compared, fromVersionId, toVersionId })}
                onClose={() => setCompared(null)}
              />
            ) : (
              <StreamingCodeViewer
                files={files}
                markers={markers}
                writingPath={streamView ? live.currentFile : null}
                isStreaming={streamView && !live.ended}
                source={streamView ? 'stream' : 'saved'}
                pickedPath={pickedPath}
                onPickPath={setPickedPath}
                isLoading={versionsLoading || savedFiles.isLoading || (streamView && baseFiles.isLoading)}
                notice={notice || null}
                flash={flash}
              />
            )
          }
          api={<ApiPanel projectId={projectId} version={selected} versions={versions} active={panel === 'api'} />}
        />
      </div>

      <MobileChatBar
        buttonRef={chatBarButtonRef}
        chatPanelId={CHAT_PANEL_ID}
        open={mobileSheetOpen}
        onOpen={() => setSheetOpen(true)}
        status={generatingLabel ?? (chat.messages.length > 0 ? `${chat.messages.length} messages` : 'Ask for a change')}
        isGenerating={generatingLabel !== null}
      />
    </div>
  );
}
