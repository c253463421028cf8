'use client';

import { useMemo } from 'react';
import type { ComparedAnswer } from '@/types/preview';
import { DiffFileSection } from '../diff/diff-file-section';
import { Icon } from '../ui/icon';
import { formatBytes, formatDuration, statusTone } from '@/shared/response-format';
import { STATUS_TONE_CLASSES } from './status-tone';
import { compareResponses } from './response-comparison';


interface ResponseCompareProps {
  from: ComparedAnswer;
  to: ComparedAnswer;
  /** The request both versions were sent, e.g. "GET /authors". */
  requestLabel: string;
  onClose: () => void;
}

/** Two versions' answers to one request: what each said, then the lines that differ, side by side. */
export function ResponseCompare({ from, to, requestLabel, onClose }: ResponseCompareProps) {
  const fromResponse = from.response;
  const toResponse = to.response;
  const comparison = useMemo(
    () => (fromResponse && toResponse ? compareResponses(fromResponse, toResponse, requestLabel) : null),
    [fromResponse, toResponse, requestLabel],
  );
  const missing = [from, to].filter((side) => !side.response);

  return (
    <section
      data-testid="response-compare"
      aria-label={`${requestLabel}, v${from.versionNumber} compared with v${to.versionNumber}`}
      className="overflow-hidden rounded-lg border border-zinc-800 bg-zinc-950 text-xs"
    >
      <header className="flex items-center gap-2 border-b border-zinc-800 bg-zinc-900/70 px-3 py-2">
        <Icon name="compare" className="size-3.5 shrink-0 text-sky-400" />
        <p className="min-w-0 flex-1 truncate font-mono text-zinc-200">
          {requestLabel} · v{from.versionNumber} → v{to.versionNumber}
        </p>
        <button
          type="button"
          data-testid="response-compare-close"
          aria-label="Close the comparison"
          title="Close the comparison"
          onClick={onClose}
          className="rounded-md p-1 text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100"
        >
          <Icon name="close" className="size-3.5" />
        </button>
      </header>

      <div className="grid grid-cols-2 divide-x divide-zinc-800 border-b border-zinc-800">
        <AnswerSummary answer={from} />
        <AnswerSummary answer={to} />
      </div>

      {comparison === null ? (
        <p className="px-3 py-3 text-zinc-500">
          {missing.some((side) => side.error)
            ? `Nothing to compare: ${missing.map((side) => `v${side.versionNumber}`).join(' and ')} gave no answer.`
            : 'Waiting for both answers…'}
        </p>
      ) : comparison.operation === 'unchanged' ? (
        <p
          data-testid="response-compare-same"
          role="status"
          title="Headers that change with every answer (date, etag, content-length …) are left out."
          className="flex items-center gap-1.5 px-3 py-3 text-emerald-300"
        >
          <Icon name="check" className="size-3.5" /> Both versions answered the same.
        </p>
      ) : (
        <DiffFileSection file={comparison} fromNumber={from.versionNumber} toNumber={to.versionNumber} isActive />
      )}
    </section>
  );
}

function AnswerSummary({ answer }: { answer: ComparedAnswer }) {
  const { response, error, versionNumber } = answer;
  return (
    <div data-testid="response-compare-side" data-version={versionNumber} className="min-w-0 space-y-0.5 px-3 py-2">
      <p className="font-mono text-[11px] text-zinc-500">v{versionNumber}</p>
      {response ? (
        <p className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
          <span data-testid="response-compare-status" className={`font-mono font-semibold ${STATUS_TONE_CLASSES[statusTone(response.status)]}`}>
            {response.status} {response.statusText}
          </span>
          <span className="text-zinc-400">{formatDuration(response.durationMs)}</span>
          <span className="text-zinc-400">
            {formatBytes(response.bodyBytes)}
            {response.truncated && ' (cut)'}
          </span>
        </p>
      ) : error ? (
        <p role="alert" data-testid="response-compare-error" className="break-words text-red-300">
          {error}
        </p>
      ) : (
        <p className="text-zinc-500">Sending…</p>
      )}
    </div>
  );
}
