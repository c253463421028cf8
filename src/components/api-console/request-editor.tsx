'use client';

import type { KeyboardEvent } from 'react';
import { PREVIEW_METHODS, type PreviewMethod } from '@/types/preview';
import { Icon } from '../ui/icon';
import { KeyValueRows } from './key-value-rows';
import { templateParams, type RequestDraft } from './request-draft';

export type EditorTab = 'params' | 'headers' | 'body';

/** The part worth seeing first: the body of a request that has one, the query otherwise. */
export function firstTab(method: PreviewMethod): EditorTab {
  return method === 'GET' || method === 'HEAD' ? 'params' : 'body';
}

interface RequestEditorProps {
  draft: RequestDraft;
  onChange: (draft: RequestDraft) => void;
  onSend: () => void;
  sending: boolean;
  /** Why it cannot be sent as it is (a missing parameter, a refused header). */
  problem: string | null;
  /** Sent all the same, but worth knowing (a body that is not JSON). */
  warning: string | null;
  /** False while the preview is not ready: Send waits. */
  canSend: boolean;
  tab: EditorTab;
  onTabChange: (tab: EditorTab) => void;
}

const INPUT = 'h-8 min-w-0 rounded-lg border border-zinc-800 bg-zinc-900 px-2 font-mono text-xs text-zinc-100 placeholder:text-zinc-600 focus:border-sky-500/70 focus:outline-none';

/** Method, path with its parameters, query, headers and body; Send with the button or Ctrl/Cmd+Enter. */
export function RequestEditor({ draft, onChange, onSend, sending, problem, warning, canSend, tab, onTabChange: setTab }: RequestEditorProps) {
  const hasBody = draft.method !== 'GET' && draft.method !== 'HEAD';
  const shownTab = tab === 'body' && !hasBody ? 'params' : tab;
  const params = templateParams(draft.pathTemplate);
  const disabled = !canSend || sending || problem !== null;

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!disabled) onSend();
    }
  }

  const tabs: Array<{ id: EditorTab; label: string; count?: number }> = [
    { id: 'params', label: 'Query', count: draft.query.filter((row) => row.enabled && row.name).length },
    { id: 'headers', label: 'Headers', count: draft.headers.filter((row) => row.enabled && row.name).length },
    ...(hasBody ? [{ id: 'body' as const, label: 'Body' }] : []),
  ];

  return (
    <form
      data-testid="request-editor"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (!disabled) onSend();
      }}
      className="space-y-2 p-3"
    >
      <div className="flex items-center gap-1.5">
        <label className="sr-only" htmlFor="request-method">
          Method
        </label>
        <select
          id="request-method"
          data-testid="request-method"
          value={draft.method}
          onChange={(event) => onChange({ ...draft, method: event.target.value as PreviewMethod, routeId: null })}
          className={`${INPUT} w-24 font-semibold`}
        >
          {PREVIEW_METHODS.map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>
        <label className="sr-only" htmlFor="request-path">
          Path
        </label>
        <input
          id="request-path"
          data-testid="request-path"
          value={draft.pathTemplate}
          onChange={(event) => onChange({ ...draft, pathTemplate: event.target.value, routeId: null })}
          spellCheck={false}
          className={`${INPUT} flex-1`}
        />
        <button
          type="submit"
          data-testid="request-send"
          disabled={disabled}
          title={canSend ? 'Send (Ctrl+Enter)' : 'Start the preview first'}
          className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg bg-sky-500 px-3 text-xs font-semibold text-zinc-950 hover:bg-sky-400 disabled:cursor-not-allowed disabled:opacity-40"
        >
          <Icon name="send" className="size-3.5" />
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>

      {params.length > 0 && (
        <div className="flex flex-wrap gap-2" data-testid="path-params">
          {params.map((name) => (
            <label key={name} className="flex items-center gap-1.5 text-xs text-zinc-400">
              <span className="font-mono">{`{${name}}`}</span>
              <input
                data-testid="path-param"
                data-name={name}
                value={draft.pathParams[name] ?? ''}
                onChange={(event) => onChange({ ...draft, pathParams: { ...draft.pathParams, [name]: event.target.value } })}
                placeholder={name}
                spellCheck={false}
                className={`${INPUT} h-7 w-56`}
              />
            </label>
          ))}
        </div>
      )}

      <div role="tablist" aria-label="Request parts" className="flex gap-1 border-b border-zinc-800">
        {tabs.map(({ id, label, count }) => (
          <button
            key={id}
            type="button"
            role="tab"
            data-testid={`request-tab-${id}`}
            aria-selected={shownTab === id}
            onClick={() => setTab(id)}
            className="-mb-px border-b-2 border-transparent px-2 pb-1 text-xs text-zinc-400 hover:text-zinc-200 aria-selected:border-sky-400 aria-selected:text-white"
          >
            {label}
            {count ? <span className="ml-1 text-zinc-500">{count}</span> : null}
          </button>
        ))}
      </div>
      {shownTab === 'params' && <KeyValueRows rows={draft.query} onChange={(query) => onChange({ ...draft, query })} noun="query parameter" testId="query-rows" />}
      {shownTab === 'headers' && <KeyValueRows rows={draft.headers} onChange={(headers) => onChange({ ...draft, headers })} noun="header" testId="header-rows" />}
      {shownTab === 'body' && (
        <textarea
          data-testid="request-body"
          aria-label="Request body"
          value={draft.body}
          onChange={(event) => onChange({ ...draft, body: event.target.value })}
          spellCheck={false}
          rows={Math.min(14, Math.max(4, draft.body.split('\n').length + 1))}
          placeholder='{ "name": "Ada Lovelace" }'
          className="w-full resize-y rounded-lg border border-zinc-800 bg-zinc-900 p-2 font-mono text-xs leading-5 text-zinc-100 focus:border-sky-500/70 focus:outline-none"
        />
      )}
      {problem && (
        <p role="alert" data-testid="request-problem" className="text-xs text-red-300">
          {problem}
        </p>
      )}
      {!problem && warning && <p className="text-xs text-amber-300">{warning}</p>}
    </form>
  );
}
