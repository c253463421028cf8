'use client';

import type { CheckExchange } from '@/types/api-checks';

/** The request a check sent and what came back; for a regression, also what the base version answered. */
export function CheckExchangeView({
  exchange,
  baseResponse,
  baseLabel,
}: {
  exchange: CheckExchange;
  baseResponse?: CheckExchange['response'];
  baseLabel?: string;
}) {
  const { request, response } = exchange;
  return (
    <div data-testid="check-exchange" className="mx-1 mt-1 mb-1.5 space-y-1 rounded-md bg-black/40 p-2 font-mono text-[11px] leading-relaxed text-zinc-300">
      <p className="text-zinc-400">Request</p>
      <pre className="max-h-32 overflow-auto whitespace-pre-wrap">
        {request.method} {request.path}
        {request.body !== undefined ? `\n${request.body}` : ''}
      </pre>
      <ResponseBlock label={baseResponse ? 'Response now' : 'Response'} response={response} testId="check-response" />
      {baseResponse && <ResponseBlock label={baseLabel ?? 'Response before'} response={baseResponse} testId="check-base-response" />}
    </div>
  );
}

function ResponseBlock({ label, response, testId }: { label: string; response: CheckExchange['response']; testId: string }) {
  return (
    <>
      <p className="text-zinc-400">{label}</p>
      <pre data-testid={testId} className="max-h-32 overflow-auto whitespace-pre-wrap">
        {response ? `${response.status}${response.body ? `\n${response.body}` : ''}` : 'no response'}
      </pre>
    </>
  );
}
