'use client';

import { Highlight, themes } from 'prism-react-renderer';
import { useMemo } from 'react';
import type { PreviewResponse } from '@/types/preview';
import { CopyButton } from '../ui/copy-button';
import { formatBytes, formatDuration, prettyBody, statusTone } from '@/shared/response-format';
import { STATUS_TONE_CLASSES } from './status-tone';

export interface ConsoleAnswer {
  /** "POST /authors" */
  label: string;
  versionNumber: number;
  response?: PreviewResponse;
  /** Why no response came: a timeout, an unreachable API, a preview that is not running. */
  error?: string;
  /** Sent, no answer yet: the last answer is not left on screen as if it were this one's. */
  pending?: boolean;
}

/** Colouring a megabyte of JSON would hold the page for seconds; past this it is shown plain. */
const MAX_HIGHLIGHTED_CHARS = 100_000;

function contentType(response: PreviewResponse): string | null {
  return response.headers.find(([name]) => name === 'content-type')?.[1] ?? null;
}

/** Status, time, size and headers of the last answer, and its body pretty-printed and coloured. */
export function ResponseView({ answer }: { answer: ConsoleAnswer | null }) {
  if (!answer) {
    return <p className="p-3 text-xs text-zinc-500">Pick a route, then Send (Ctrl+Enter). The answer shows here.</p>;
  }
  if (answer.pending) {
    return (
      <p role="status" data-testid="response-view" data-status="pending" className="p-3 font-mono text-xs text-zinc-400">
        Sending {answer.label} to v{answer.versionNumber}…
      </p>
    );
  }
  if (!answer.response) {
    return (
      <div data-testid="response-view" data-status="none" className="space-y-1 p-3 text-xs">
        <p className="font-mono text-zinc-400">
          {answer.label} · v{answer.versionNumber}
        </p>
        <p role="alert" data-testid="response-error" className="text-red-300">
          {answer.error}
        </p>
      </div>
    );
  }
  return <AnswerBody label={answer.label} versionNumber={answer.versionNumber} response={answer.response} />;
}

function AnswerBody({ label, versionNumber, response }: { label: string; versionNumber: number; response: PreviewResponse }) {
  const body = useMemo(() => prettyBody(response.body, contentType(response)), [response]);
  const highlighted = body.language === 'json' && body.text.length <= MAX_HIGHLIGHTED_CHARS;
  return (
    <div data-testid="response-view" data-status={response.status} data-history-id={response.historyId} className="flex min-h-0 flex-col text-xs">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-800 px-3 py-1.5">
        <span data-testid="response-status" className={`font-mono font-semibold ${STATUS_TONE_CLASSES[statusTone(response.status)]}`}>
          {response.status} {response.statusText}
        </span>
        <span data-testid="response-time" className="text-zinc-400">
          {formatDuration(response.durationMs)}
        </span>
        <span data-testid="response-size" className="text-zinc-400">
          {formatBytes(response.bodyBytes)}
        </span>
        <span className="min-w-0 truncate font-mono text-zinc-500">
          {label} · v{versionNumber}
        </span>
        <span className="ml-auto">{response.body && <CopyButton text={body.text} label="Copy the response body" />}</span>
      </div>
      {response.truncated && (
        <p data-testid="response-truncated" className="border-b border-amber-900/50 bg-amber-950/30 px-3 py-1 text-amber-200">
          The body was longer than {formatBytes(response.bodyBytes)} and was cut there.
        </p>
      )}
      <details className="border-b border-zinc-800 px-3 py-1">
        <summary className="cursor-pointer text-zinc-400 hover:text-zinc-200">Headers ({response.headers.length})</summary>
        <dl data-testid="response-headers" className="grid grid-cols-[auto_1fr] gap-x-3 py-1 font-mono text-[11px]">
          {response.headers.map(([name, value], index) => (
            <div key={`${name}-${index}`} className="contents">
              <dt className="text-zinc-500">{name}</dt>
              <dd className="break-all text-zinc-300">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      {response.binary ? (
        <p className="p-3 text-zinc-400">A binary body of {formatBytes(response.bodyBytes)}: not shown.</p>
      ) : response.body === '' ? (
        <p className="p-3 text-zinc-500">No body.</p>
      ) : highlighted ? (
        <Highlight code={body.text} language="json" theme={themes.vsDark}>
          {({ tokens, getLineProps, getTokenProps }) => (
            <pre data-testid="response-body" className="min-h-0 flex-1 overflow-auto bg-[#1b1b1d] p-3 font-mono text-[12px] leading-5">
              {tokens.map((line, lineIndex) => (
                <div key={lineIndex} {...getLineProps({ line })}>
                  {line.map((token, tokenIndex) => (
                    <span key={tokenIndex} {...getTokenProps({ token })} />
                  ))}
                </div>
              ))}
            </pre>
          )}
        </Highlight>
      ) : (
        <pre data-testid="response-body" className="min-h-0 flex-1 overflow-auto bg-[#1b1b1d] p-3 font-mono text-[12px] leading-5 whitespace-pre-wrap text-zinc-200">
          {body.text}
        </pre>
      )}
    </div>
  );
}
