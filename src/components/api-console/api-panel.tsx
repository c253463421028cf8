'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { usePreview } from '@/hooks/use-preview';
import { hasSavedFiles } from '@/shared/version-rules';
import { errorMessage } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import { findApiRoute } from '@/types/api-description';
import type { VersionSummary } from '@/types/versioning';
import { ApiDocs } from './api-docs';
import { EnvVarsPanel } from './env-vars-panel';
import { PreviewBar } from './preview-bar';
import { RequestConsole } from './request-console';
import { draftFromRoute, emptyDraft, type RequestDraft } from './request-draft';
import { firstTab, type EditorTab } from './request-editor';

type ApiView = 'console' | 'docs' | 'env';

const VIEWS: Array<{ id: ApiView; label: string }> = [
  { id: 'console', label: 'Console' },
  { id: 'docs', label: 'Docs' },
  { id: 'env', label: 'Env vars' },
];

interface ApiPanelProps {
  projectId: string;
  /** The version the workspace shows; the console follows it. */
  version: VersionSummary | null;
  versions: readonly VersionSummary[];
  /** Shown now. A hidden panel keeps the request being edited but asks the server nothing. */
  active: boolean;
}

/**
 * The API tab: the shown version's preview (Start, Stop, its state), and over it the request console,
 * the docs of its openapi.json, and the project's env vars. The request being edited survives a
 * version switch, so the same request can be tried on another version.
 */
export function ApiPanel({ projectId, version, versions, active }: ApiPanelProps) {
  const trpc = useTRPC();
  const [view, setView] = useState<ApiView>('console');
  const [draft, setDraft] = useState<RequestDraft>(emptyDraft);
  const [tab, setTab] = useState<EditorTab>('params');
  const replaceDraft = (next: RequestDraft) => {
    setDraft(next);
    setTab(firstTab(next.method));
  };
  const runnable = version !== null && hasSavedFiles(version);
  const preview = usePreview(runnable && active ? version.id : null);
  const description = useQuery({
    ...trpc.versions.api.queryOptions({ versionId: version?.id ?? '' }),
    enabled: runnable && active,
    // A saved version's files never change.
    staleTime: Infinity,
  });

  if (!version) {
    return <p className="flex flex-1 items-center justify-center p-6 text-sm text-zinc-500">Describe an API in the chat: once a version is built, you can call it here.</p>;
  }

  function tryRoute(routeId: string) {
    const route = findApiRoute(description.data, routeId);
    if (route) replaceDraft(draftFromRoute(route, description.data?.basePath ?? '', draft));
    setView('console');
  }

  const otherVersions = versions.filter((other) => other.id !== version.id && hasSavedFiles(other)).map(({ id, versionNumber }) => ({ id, versionNumber }));
  const previewError = preview.error ? errorMessage(preview.error) : null;

  return (
    <div data-testid="api-panel" data-version={version.versionNumber} className="flex min-h-0 flex-1 flex-col">
      <PreviewBar
        versionNumber={version.versionNumber}
        status={preview.status}
        runnable={runnable}
        onStart={() => preview.start()}
        onStop={() => preview.stop()}
        busy={preview.isStarting || preview.isStopping}
        error={previewError}
      />
      <div role="tablist" aria-label="API views" className="flex shrink-0 gap-1 border-b border-zinc-800 px-3">
        {VIEWS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            data-testid={`api-view-${id}`}
            aria-selected={view === id}
            onClick={() => setView(id)}
            className="-mb-px border-b-2 border-transparent px-2 py-1.5 text-xs text-zinc-400 hover:text-zinc-200 aria-selected:border-sky-400 aria-selected:text-white"
          >
            {label}
          </button>
        ))}
      </div>
      {/* Kept mounted under the other views, so the last answer is still there on the way back. */}
      <div className={`min-h-0 flex-1 flex-col ${view === 'console' ? 'flex' : 'hidden'}`}>
        {runnable ? (
          <RequestConsole
            projectId={projectId}
            version={{ id: version.id, versionNumber: version.versionNumber }}
            otherVersions={otherVersions}
            description={description.data}
            descriptionLoading={description.isPending}
            preview={preview.status}
            draft={draft}
            onDraftChange={setDraft}
            onDraftReplace={replaceDraft}
            tab={tab}
            onTabChange={setTab}
            active={active && view === 'console'}
          />
        ) : (
          <p className="p-4 text-sm text-zinc-500">v{version.versionNumber} has no saved files yet; its API can be called once it is built.</p>
        )}
      </div>
      {view === 'docs' && (
        <div className="min-h-0 flex-1 overflow-auto">
          <ApiDocs description={description.data} isLoading={runnable && description.isPending} error={description.error ? errorMessage(description.error) : null} onTryRoute={tryRoute} />
        </div>
      )}
      {view === 'env' && (
        <div className="min-h-0 flex-1 overflow-auto">
          <EnvVarsPanel projectId={projectId} />
        </div>
      )}
    </div>
  );
}
