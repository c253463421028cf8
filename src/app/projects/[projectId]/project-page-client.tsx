'use client';

import Link from 'next/link';
import { useRef } from 'react';
import { ApiPanel } from '@/components/api-console/api-panel';
import { ChatInput } from '@/components/chat/chat-input';
import { ChatInterface } from '@/components/chat/chat-interface';
import { ChatPanel } from '@/components/chat/chat-panel';
import { MobileChatBar } from '@/components/chat/mobile-chat-bar';
import { StreamingCodeViewer } from '@/components/code-viewer/streaming-code-viewer';
import { VersionDiffViewer } from '@/components/diff/version-diff-viewer';
import { Icon } from '@/components/ui/icon';
import { ProjectUsageTotal } from '@/components/versions/project-usage-total';
import { VersionSelector } from '@/components/versions/version-selector';
import { VersionStatusBadge } from '@/components/versions/version-status-badge';
import { ConnectionIndicator } from '@/components/workspace/connection-indicator';
import { API_PANEL_ID, CODE_PANEL_ID, WorkspaceMainPane } from '@/components/workspace/workspace-main-pane';
import { WorkspaceTabs } from '@/components/workspace/workspace-tabs';
import { useWorkspace } from '@/hooks/use-workspace';

const CHAT_PANEL_ID = 'workspace-chat';

/**
 * The workspace: the header, the chat beside the code or the API, and on phones the chat's sheet.
 * Its state and actions are `useWorkspace`'s; this only renders them.
 */
export function ProjectPageClient({ projectId }: { projectId: string }) {
  const workspace = useWorkspace(projectId);
  const { layout, state, view, versions, selected, live, code, on } = workspace;
  const chatBarButtonRef = useRef<HTMLButtonElement>(null);

  if (workspace.missingProjectMessage !== null) {
    return (
      <main className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
        <h1 className="text-xl font-semibold">This project does not exist</h1>
        <p className="text-sm text-zinc-400">{workspace.missingProjectMessage}</p>
        <Link href="/" className="text-sm text-sky-400 hover:text-sky-300">
          ← All projects
        </Link>
      </main>
    );
  }

  const mobileSheetOpen = layout === 'mobile' && state.sheetOpen;
  const compared = state.compared;

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
          {workspace.projectName ?? <span className="inline-block h-4 w-40 animate-pulse rounded bg-zinc-800 align-middle" />}
        </h1>
        <ConnectionIndicator indicator={workspace.connection.indicator} transport={workspace.connection.transport} />
        <div className="flex w-full min-w-0 items-center justify-end gap-2 md:w-auto">
          {view.selectedStatus && <VersionStatusBadge status={view.selectedStatus} label={view.selectedStateLabel ?? undefined} testId="version-status" />}
          <button
            type="button"
            data-testid="open-compare"
            onClick={on.compareSelected}
            disabled={view.comparableCount < 2}
            aria-pressed={compared !== null}
            title={view.comparableCount < 2 ? 'Comparing needs two saved versions' : 'Compare the viewed version with the one before it'}
            className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg border border-zinc-800 px-2.5 text-xs text-zinc-300 hover:border-zinc-700 hover:text-white disabled:cursor-not-allowed disabled:opacity-40 aria-pressed:border-sky-500/60 aria-pressed:text-sky-200"
          >
            <Icon name="compare" className="size-3.5" />
            <span className="max-sm:sr-only">Compare</span>
          </button>
          <ProjectUsageTotal versions={versions} />
          <VersionSelector
            versions={versions}
            selectedId={workspace.selectedId}
            liveStatus={workspace.liveStatus}
            onSelect={on.selectVersion}
          />
        </div>
      </header>

      <WorkspaceTabs
        panel={state.panel}
        onChange={on.changePanel}
        panelIds={{ chat: CHAT_PANEL_ID, code: CODE_PANEL_ID, api: API_PANEL_ID }}
        className="hidden md:flex xl:hidden"
      />

      <div className="relative flex min-h-0 flex-1">
        <ChatPanel
          id={CHAT_PANEL_ID}
          layout={layout}
          sheetOpen={state.sheetOpen}
          onSheetOpenChange={on.changeSheetOpen}
          focusOnCloseRef={chatBarButtonRef}
          hiddenByTab={state.panel !== 'chat'}
        >
          <ChatInterface
            messages={workspace.chat.messages}
            versions={versions}
            live={live}
            runningNumber={view.runningNumber}
            selectedVersionId={workspace.selectedId}
            isLoading={workspace.chat.isLoading}
            streamError={workspace.streamError}
            onOpenFile={on.openFile}
            onVersionAction={on.versionAction}
            revealVersion={state.revealVersion}
          />
          <ChatInput
            onSend={on.send}
            onStop={on.stopRunning}
            generatingLabel={view.generatingLabel}
            runningNumber={view.runningNumber}
            runStoppedByUser={view.runStoppedByUser}
            isSending={workspace.chat.isSending}
            isStopping={workspace.isStopping}
            error={state.actionError}
            branchFromNumber={view.explicitBaseNumber}
            onCancelBranch={on.cancelBranch}
            focusRequest={state.chatFocusRequest}
          />
        </ChatPanel>
        <WorkspaceMainPane
          panel={state.panel}
          onPanelChange={on.changePanel}
          layout={layout}
          inert={mobileSheetOpen}
          code={
            compared ? (
              <VersionDiffViewer
                versions={versions}
                fromVersionId={compared.fromVersionId}
                toVersionId={compared.toVersionId}
                initialFocus={compared.focus}
                onChange={on.changeComparison}
                onClose={on.closeComparison}
              />
            ) : (
              <StreamingCodeViewer
                files={code.files}
                markers={code.markers}
                writingPath={code.writingPath}
                liveEdit={code.liveEdit}
                isStreaming={code.isStreaming}
                source={code.source}
                pickedPath={state.pickedPath}
                onPickPath={on.pickPath}
                isLoading={code.isLoading}
                notice={code.notice}
                flash={state.flash}
              />
            )
          }
          api={<ApiPanel projectId={projectId} version={selected} versions={versions} active={state.panel === 'api'} />}
        />
      </div>

      <MobileChatBar
        buttonRef={chatBarButtonRef}
        chatPanelId={CHAT_PANEL_ID}
        open={mobileSheetOpen}
        onOpen={() => on.changeSheetOpen(true)}
        status={view.generatingLabel ?? (workspace.chat.messages.length > 0 ? `${workspace.chat.messages.length} messages` : 'Ask for a change')}
        isGenerating={view.generatingLabel !== null}
      />
    </div>
  );
}
