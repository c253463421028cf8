'use client';

import { useQuery } from '@tanstack/react-query';

interface HealthAnswer {
  ok: boolean;
  backends: Record<string, string>;
  database: { reachable: boolean };
}

async function fetchHealth(): Promise<HealthAnswer> {
  const response = await fetch('/api/health', { cache: 'no-store' });
  // 503 still carries the backends and says the database is unreachable.
  return (await response.json()) as HealthAnswer;
}

/** Which backend serves each concern (database, stream, jobs, model, sandbox, users), so nobody wonders whether they are on the real thing. */
export function BackendFooter() {
  const health = useQuery({ queryKey: ['health'], queryFn: fetchHealth, staleTime: 60_000, retry: 1 });
  const reachable = health.data?.database.reachable;
  return (
    <footer
      className="flex shrink-0 items-center gap-x-4 overflow-x-auto border-t border-zinc-800/80 bg-zinc-950 px-4 py-1.5 font-mono text-[11px] whitespace-nowrap text-zinc-500"
      aria-label="Active backends"
    >
      <span className="flex items-center gap-1.5">
        <span
          className={`size-1.5 rounded-full ${reachable ? 'bg-emerald-400' : reachable === false ? 'bg-red-400' : 'bg-zinc-600'}`}
          aria-hidden="true"
        />
        {reachable ? 'online' : reachable === false ? 'database unreachable' : health.isError ? 'server unreachable' : 'checking…'}
      </span>
      {health.data &&
        Object.entries(health.data.backends).map(([concern, backend]) => (
          <span key={concern} data-testid={`backend-${concern}`}>
            {concern}: <span className="text-zinc-300">{backend}</span>
          </span>
        ))}
    </footer>
  );
}
