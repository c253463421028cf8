'use client';

import { findApiRoute, type ApiDescription, type ApiRoute } from '@/types/api-description';
import { MethodBadge } from './method-badge';

interface RouteListProps {
  description: ApiDescription | undefined;
  isLoading: boolean;
  selectedRouteId: string | null;
  onPick: (route: ApiRoute) => void;
}

/**
 * The version's routes grouped by resource, from its openapi.json: a list beside the editor on wide
 * screens, a dropdown above it on narrow ones.
 */
export function RouteList({ description, isLoading, selectedRouteId, onPick }: RouteListProps) {
  const groups = description?.groups ?? [];
  const empty = isLoading ? 'Reading the routes…' : 'No routes listed: type a method and path.';
  return (
    <>
      <label className="block px-3 pt-2 md:hidden">
        <span className="sr-only">Route</span>
        <select
          data-testid="route-select"
          value={selectedRouteId ?? ''}
          onChange={(event) => {
            const route = findApiRoute(description, event.target.value);
            if (route) onPick(route);
          }}
          className="h-8 w-full rounded-lg border border-zinc-800 bg-zinc-900 px-2 font-mono text-xs text-zinc-200"
        >
          <option value="">{groups.length > 0 ? 'Pick a route…' : empty}</option>
          {groups.map((group) => (
            <optgroup key={group.name} label={group.name}>
              {group.routes.map((route) => (
                <option key={route.id} value={route.id}>
                  {route.method} {route.path}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <nav aria-label="Routes" data-testid="route-list" className="hidden min-h-0 overflow-auto p-2 md:block">
        {groups.length === 0 && <p className="px-2 py-1 text-xs text-zinc-500">{empty}</p>}
        {groups.map((group) => (
          <section key={group.name} className="mb-2">
            <h3 className="px-2 pb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">{group.name}</h3>
            <ul>
              {group.routes.map((route) => (
                <li key={route.id}>
                  <button
                    type="button"
                    data-testid="route-item"
                    data-route-id={route.id}
                    aria-current={route.id === selectedRouteId ? 'true' : undefined}
                    title={route.summary ?? undefined}
                    onClick={() => onPick(route)}
                    className="flex w-full items-center gap-2 rounded-md px-2 py-1 text-left hover:bg-zinc-800/70 aria-[current=true]:bg-sky-500/10 aria-[current=true]:text-white"
                  >
                    <MethodBadge method={route.method} className="w-14 text-[10px]" />
                    <span className={`min-w-0 truncate font-mono text-xs ${route.deprecated ? 'text-zinc-500 line-through' : 'text-zinc-300'}`}>{route.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </nav>
    </>
  );
}
