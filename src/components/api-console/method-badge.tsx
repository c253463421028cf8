import type { PreviewMethod } from '@/types/preview';

const STYLES: Record<PreviewMethod, string> = {
  GET: 'bg-sky-500/15 text-sky-300',
  POST: 'bg-emerald-500/15 text-emerald-300',
  PUT: 'bg-amber-500/15 text-amber-300',
  PATCH: 'bg-amber-500/15 text-amber-300',
  DELETE: 'bg-red-500/15 text-red-300',
  HEAD: 'bg-zinc-800 text-zinc-300',
  OPTIONS: 'bg-zinc-800 text-zinc-300',
};

/** An HTTP method as a coloured, fixed-width label, so paths line up in a list. */
export function MethodBadge({ method, className = '' }: { method: PreviewMethod; className?: string }) {
  return (
    <span
      data-method={method}
      className={`inline-flex w-16 shrink-0 justify-center rounded px-1.5 py-0.5 font-mono text-[11px] font-semibold tracking-wide ${STYLES[method]} ${className}`}
    >
      {method}
    </span>
  );
}
