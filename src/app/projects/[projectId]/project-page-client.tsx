'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { ChatInput } from '@/components/chat-input';
import { ChatInterface } from '@/components/chat-interface';
import { markersFromChanges, markersFromStream } from '@/components/file-tree-model';
import { StreamingCodeViewer } from '@/components/streaming-code-viewer';
import { VersionSelector } from '@/components/version-selector';
import { VersionStatusBadge } from '@/components/version-status-badge';
import { composeStreamedFiles, streamStatus, type GenerationStreamState } from '@/hooks/generation-stream-state';
import { useChatMessages } from '@/hooks/use-chat-messages';
import { useFileReconstruction } from '@/hooks/use-file-reconstruction';
import { useGenerationStream } from '@/hooks/use-generation-stream';
import { useVersions } from '@/hooks/use-versions';
import { explicitBaseVersionId, hasSavedFiles } from '@/hooks/version-rules';
import { errorCode, errorMessage } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import type { VersionStatus, VersionSummary } from '@/types/versioning';

type Panel = 'chat' | 'code';

const RUNNING_LABELS: Partial<Record<VersionStatus, string>> = {
  pending: 'Starting',
  generating: 'Generating',
  validating: 'Validating',
};

/**
 * The base whose files a streaming version starts from: the stream says so first (`version:start`);
 * before that, the version list, or what was asked for when it was just created.
 */
function streamBaseVersionId(live: GenerationStreamState, summary: VersionSummary | null, expectedBaseId: string | null): string | null {
  if (live.baseVersionId !== undefined) return live.baseVersionId;
  return summary ? summary.baseVersionId : expectedBaseId;
}

export function ProjectPageClient({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const project = useQuery(trpc.projects.get.queryOptions({ projectId }, { retry: false }));
  const { versions, latest, active, isLoading: versionsLoading, refresh: refreshVersions } = useVersions(projectId);
  const chat = useChatMessages(projectId);

  /** null shows the latest version. */
  const [selectedVersionId, setSelectedVersionId] = useState<string | null>(null);
  const [followedVersionId, setFollowedVersionId] = useState<string | null>(null);
  const [expectedBaseId, setExpectedBaseId] = useState<string | null>(null);
  const [pickedPath, setPickedPath] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>('chat');
  const [actionError, setActionError] = useState<string | null>(null);

  const selectedId = selectedVersionId ?? latest?.id ?? null;
  const selected = versions.find((version) => version.id === selectedId) ?? null;

  const savedFiles = useFileReconstruction(selected && hasSavedFiles(selected) ? selected.id : null);
  const stream = useGenerationStream(followedVersionId, {
    onEnded: (ended) => {
      void refreshVersions();
      void chat.refresh();
      void savedFiles.refreshVersion(ended.versionId);
      void queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
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

  const liveStatus = live ? { versionId: live.versionId, status: streamStatus(live) } : null;
  const selectedStatus: VersionStatus | null = liveStatus?.versionId === selectedId ? liveStatus.status : (selected?.status ?? null);
  // The stream knows first that a version runs (or ended); the list covers the moments before it answers.
  const runningVersionId = liveRunning ? live.versionId : (active?.id ?? null);
  const runningNumber = (liveRunning ? live.versionNumber : null) ?? versions.find((version) => version.id === runningVersionId)?.versionNumber;
  const runningStatus = liveRunning ? streamStatus(live) : active?.status;
  const generatingLabel =
    runningVersionId && runningStatus && runningNumber ? `${RUNNING_LABELS[runningStatus] ?? 'Generating'} v${runningNumber}…` : null;

  const explicitBase = explicitBaseVersionId(versions, selectedId);
  const explicitBaseNumber = versions.find((version) => version.id === explicitBase)?.versionNumber;

  const stop = useMutation(trpc.versions.stop.mutationOptions({ onError: (error) => setActionError(errorMessage(error)) }));

  useEffect(() => {
    if (project.data) document.title = `${project.data.name} · API Forge`;
  }, [project.data]);

  async function send(prompt: string): Promise<boolean> {
    setActionError(null);
    try {
      const created = await chat.send.mutateAsync({ projectId, prompt, baseVersionId: explicitBase });
      setExpectedBaseId(explicitBase ?? versions.findLast((version) => version.status === 'complete')?.id ?? null);
      setFollowedVersionId(created.versionId);
      // Select it once the list knows it, so the dropdown never shows a version it has no entry for.
      await refreshVersions();
      setSelectedVersionId(created.versionId);
      setPickedPath(null);
      return true;
    } catch (error) {
      setActionError(errorMessage(error));
      return false;
    }
  }

  function stopRunning() {
    if (runningVersionId) stop.mutate({ versionId: runningVersionId });
  }

  function openFile(versionId: string, path: string) {
    setSelectedVersionId(versionId);
    setPickedPath(path);
    setPanel('code');
  }

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
  ].filter(Boolean).join(' ');

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-800 px-4 py-2 sm:h-12 sm:py-0">
        <Link href="/" className="font-mono text-xs font-semibold tracking-widest text-sky-400 uppercase hover:text-sky-300" aria-label="API Forge: all projects">
          Forge
        </Link>
        <span className="text-zinc-700" aria-hidden="true">/</span>
        <h1 className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-100">
          {project.data?.name ?? <span className="inline-block h-4 w-40 animate-pulse rounded bg-zinc-800 align-middle" />}
        </h1>
        <div className="flex w-full items-center justify-end gap-2 sm:w-auto">
          {selectedStatus && <VersionStatusBadge status={selectedStatus} testId="version-status" />}
          <VersionSelector
            versions={versions}
            selectedId={selectedId}
            liveStatus={liveStatus}
            onSelect={(versionId) => setSelectedVersionId(versionId)}
          />
        </div>
      </header>

      <div role="tablist" aria-label="Workspace panels" className="flex shrink-0 border-b border-zinc-800 lg:hidden">
        {(['chat', 'code'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={panel === name}
            onClick={() => setPanel(name)}
            className={`flex-1 py-2 text-sm capitalize ${panel === name ? 'border-b-2 border-sky-400 text-white' : 'text-zinc-400'}`}
          >
            {name}
          </button>
        ))}
      </div>

      <div className="flex min-h-0 flex-1">
        <section
          aria-label="Chat"
          className={`${panel === 'chat' ? 'flex' : 'hidden'} min-w-0 flex-1 flex-col border-zinc-800 lg:flex lg:w-2/5 lg:flex-none lg:border-r`}
        >
          <ChatInterface
            messages={chat.messages}
            versions={versions}
            live={live}
            selectedVersionId={selectedId}
            isLoading={chat.isLoading || versionsLoading}
            streamError={stream.error}
            onOpenFile={openFile}
          />
          <ChatInput
            onSend={send}
            onStop={stopRunning}
            generatingLabel={generatingLabel}
            isSending={chat.send.isPending}
            isStopping={stop.isPending}
            error={actionError}
            baseHint={explicitBaseNumber ? `Your next prompt builds on v${explicitBaseNumber}, the version you are viewing.` : null}
          />
        </section>
        <section
          aria-label="Code viewer"
          className={`${panel === 'code' ? 'flex' : 'hidden'} min-w-0 flex-1 flex-col lg:flex lg:w-3/5 lg:flex-none`}
        >
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
          />
        </section>
      </div>
    </div>
  );
}
