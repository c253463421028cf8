'use client';

import { useState } from 'react';
import { useConsoleRequests } from '@/hooks/use-console-requests';
import { useResponseComparison } from '@/hooks/use-response-comparison';
import { useSavedChecks } from '@/hooks/use-saved-checks';
import { errorMessage } from '@/trpc/error-message';
import type { ApiDescription } from '@/types/api-description';
import type { SavedCheck } from '@/types/api-checks';
import type { PreviewStatus, RequestHistoryEntry } from '@/types/preview';
import { curlCommand } from './curl-command';
import { CopyTextButton } from './copy-text-button';
import { bodyJsonProblem, draftFromHistory, draftFromRoute, draftLabel, requestFromDraft, type RequestDraft } from './request-draft';
import { RequestEditor, type EditorTab } from './request-editor';
import { RequestHistory } from './request-history';
import { ResponseCompare } from './response-compare';
import { ResponseView, type ConsoleAnswer } from './response-view';
import { RouteList } from './route-list';
import { SaveCheckPanel } from './saved-check-form';
import { SavedChecksList } from './saved-checks-list';

export interface ConsoleVersion {
  id: string;
  versionNumber: number;
}

interface RequestConsoleProps {
  projectId: string;
  version: ConsoleVersion;
  /** Other versions with saved files, for "Send to both". */
  otherVersions: ConsoleVersion[];
  description: ApiDescription | undefined;
  descriptionLoading: boolean;
  preview: PreviewStatus | undefined;
  draft: RequestDraft;
  /** An edit of the request. */
  onDraftChange: (draft: RequestDraft) => void;
  /** A new request (a route picked, a history entry loaded): the editor opens the part worth seeing. */
  onDraftReplace: (draft: RequestDraft) => void;
  tab: EditorTab;
  onTabChange: (tab: EditorTab) => void;
  /** The API tab is shown; a hidden console keeps its state but fetches nothing. */
  active: boolean;
}

/** Where curl points when the preview is not running: the address `npm start` gives a downloaded copy. */
const DOWNLOADED_API_URL = 'http://localhost:3000';

/** The routes, the request being edited, the last answer (or two versions' answers side by side) and the history. */
export function RequestConsole(props: RequestConsoleProps) {
  const { projectId, version, otherVersions, description, descriptionLoading, preview, draft, onDraftChange, onDraftReplace, tab, onTabChange, active } = props;
  const requests = useConsoleRequests(projectId, active);
  const comparison = useResponseComparison(requests.sendRaw);
  const savedChecks = useSavedChecks(projectId, active);
  const [answer, setAnswer] = useState<ConsoleAnswer | null>(null);
  // The request as sent for the answer shown: "Save as check" keeps that, not later edits.
  const [sentDraft, setSentDraft] = useState<RequestDraft | null>(null);
  const [compareWithId, setCompareWithId] = useState<string>('');
  const outcome = requestFromDraft(draft);
  const ready = preview?.state === 'ready';
  const compareWith = otherVersions.find((other) => other.id === compareWithId) ?? otherVersions.at(-1) ?? null;

  async function send(toSend: RequestDraft) {
    const prepared = requestFromDraft(toSend);
    if (!prepared.ok) return;
    comparison.close();
    const label = draftLabel(toSend);
    setSentDraft(toSend);
    setAnswer({ label, versionNumber: version.versionNumber, pending: true });
    try {
      const response = await requests.send.mutateAsync({ ...prepared.request, versionId: version.id });
      setAnswer({ label, versionNumber: version.versionNumber, response });
    } catch (error) {
      setAnswer({ label, versionNumber: version.versionNumber, error: errorMessage(error) });
    }
  }

  function load(entry: RequestHistoryEntry) {
    const loaded = draftFromHistory(entry);
    onDraftReplace(loaded);
    return loaded;
  }

  function sendAgain(entry: RequestHistoryEntry) {
    void send(load(entry));
  }

  function loadCheck(check: SavedCheck) {
    onDraftReplace(draftFromHistory(check));
  }

  function sendToBoth() {
    if (!outcome.ok || !compareWith) return;
    const [older, newer] = compareWith.versionNumber < version.versionNumber ? [compareWith, version] : [version, compareWith];
    void comparison.compare(draftLabel(draft), outcome.request, older, newer);
  }

  const history = (
    <section aria-label="History" className="border-t border-zinc-800 p-2">
      <h3 className="px-1 pb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">History</h3>
      <RequestHistory entries={requests.history} isLoading={requests.historyLoading} onLoad={load} onSendAgain={sendAgain} />
    </section>
  );

  const checks = (
    <section aria-label="Checks" className="border-t border-zinc-800 p-2">
      <h3 className="px-1 pb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">Checks</h3>
      <SavedChecksList
        checks={savedChecks.checks}
        isLoading={savedChecks.isLoading}
        error={savedChecks.error}
        onLoad={loadCheck}
        onRemove={savedChecks.removeCheck}
      />
    </section>
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col md:grid md:grid-cols-[15rem_minmax(0,1fr)]">
      <aside className="flex shrink-0 flex-col border-zinc-800 md:min-h-0 md:shrink md:border-r">
        <RouteList
          description={description}
          isLoading={descriptionLoading}
          selectedRouteId={draft.routeId}
          onPick={(route) => onDraftReplace(draftFromRoute(route, description?.basePath ?? '', draft))}
        />
        <div className="hidden min-h-0 shrink-0 overflow-auto md:block md:max-h-[45%]">
          {checks}
          {history}
        </div>
      </aside>
      <div className="flex min-h-0 flex-col overflow-auto">
        <RequestEditor
          draft={draft}
          onChange={onDraftChange}
          onSend={() => void send(draft)}
          sending={requests.send.isPending}
          problem={outcome.ok ? null : outcome.problem}
          warning={bodyJsonProblem(draft)}
          canSend={ready}
          tab={tab}
          onTabChange={onTabChange}
        />
        <div className="flex flex-wrap items-center gap-2 px-3 pb-2 text-xs">
          {outcome.ok && (
            <CopyTextButton testId="copy-curl" label="Copy as curl" text={curlCommand(outcome.request, preview?.url ?? DOWNLOADED_API_URL)} />
          )}
          {!ready && <span className="text-zinc-500">Start v{version.versionNumber} to send requests.</span>}
          {otherVersions.length > 0 && (
            <span className="ml-auto flex items-center gap-1.5">
              <label htmlFor="compare-with" className="text-zinc-400">
                Also send to
              </label>
              <select
                id="compare-with"
                data-testid="compare-version"
                value={compareWith?.id ?? ''}
                onChange={(event) => setCompareWithId(event.target.value)}
                className="h-7 rounded-md border border-zinc-800 bg-zinc-900 px-1.5 text-xs text-zinc-200"
              >
                {otherVersions.map((other) => (
                  <option key={other.id} value={other.id}>
                    v{other.versionNumber}
                  </option>
                ))}
              </select>
              <button
                type="button"
                data-testid="send-to-both"
                onClick={sendToBoth}
                disabled={!outcome.ok || comparison.comparison?.progress != null}
                title="Send this request to both versions and compare the answers"
                className="h-7 rounded-md border border-zinc-700 px-2 text-zinc-200 hover:border-zinc-500 hover:text-white disabled:opacity-40"
              >
                Compare answers
              </button>
            </span>
          )}
        </div>
        {/* On phones the column scrolls as a whole; beside the routes, the answer takes the space left. */}
        <div className="flex flex-none flex-col border-t border-zinc-800 md:min-h-0 md:flex-1">
          {comparison.comparison ? (
            comparison.comparison.progress ? (
              <p role="status" data-testid="compare-progress" className="p-3 text-xs text-zinc-400">
                {comparison.comparison.progress}
              </p>
            ) : (
              <div className="p-3 md:min-h-0 md:overflow-auto">
                <ResponseCompare
                  from={comparison.comparison.from}
                  to={comparison.comparison.to}
                  requestLabel={comparison.comparison.label}
                  onClose={comparison.close}
                />
              </div>
            )
          ) : (
            <>
              {answer?.response && sentDraft && (
                <SaveCheckPanel
                  // A new answer starts with the button again, and with its own status and name.
                  key={answer.response.historyId}
                  projectId={projectId}
                  sentDraft={sentDraft}
                  status={answer.response.status}
                  {...(answer.versionNumber === version.versionNumber ? { answeredBy: { versionId: version.id, body: answer.response.body } } : {})}
                  onSave={savedChecks.save}
                />
              )}
              <ResponseView answer={answer} />
            </>
          )}
        </div>
        <div className="md:hidden">
          {checks}
          {history}
        </div>
      </div>
    </div>
  );
}
