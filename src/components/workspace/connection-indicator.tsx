import type { ConnectionIndicator as Indicator, StreamTransport } from '@/workspace/stream/stream-follow-plan';

const DOT_STYLES: Record<Indicator['tone'], string> = {
  live: 'bg-emerald-400',
  degraded: 'bg-amber-400',
  down: 'bg-amber-400 animate-pulse',
};

/** A dot and a word in the header: how the live stream reaches this page right now. */
export function ConnectionIndicator({ indicator, transport }: { indicator: Indicator; transport: StreamTransport }) {
  return (
    <span
      role="status"
      data-testid="connection-indicator"
      data-transport={transport}
      data-tone={indicator.tone}
      title={indicator.detail}
      className="inline-flex shrink-0 items-center gap-1.5 text-[11px] whitespace-nowrap text-zinc-400"
    >
      <span className={`size-1.5 rounded-full ${DOT_STYLES[indicator.tone]}`} aria-hidden="true" />
      {indicator.label}
      <span className="sr-only">: {indicator.detail}</span>
    </span>
  );
}
