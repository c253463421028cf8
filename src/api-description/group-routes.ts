// Groups routes by resource for the console's list and the Docs view.
import type { ApiRoute, ApiRouteGroup } from '@/types/api-description';

export const GENERAL_GROUP = 'general';

export interface TaggedRoute {
  route: ApiRoute;
  /** The operation's first tag. */
  tag: string | null;
}

/** "authors" for /authors/{id}; null for "/" or a path that starts with a parameter. */
function firstSegment(path: string): string | null {
  const segment = path.split('/').find((part) => part !== '');
  return segment === undefined || segment.startsWith('{') ? null : segment;
}

/**
 * By first tag; untagged routes by their first path segment when other routes share it (a resource
 * such as /authors and /authors/{id}), else into "general" (/health). Groups appear in the order of
 * their first route.
 */
export function groupRoutes(routes: readonly TaggedRoute[]): ApiRouteGroup[] {
  const segmentUses = new Map<string, number>();
  for (const { route } of routes) {
    const segment = firstSegment(route.path);
    if (segment !== null) segmentUses.set(segment, (segmentUses.get(segment) ?? 0) + 1);
  }
  const groups = new Map<string, ApiRoute[]>();
  for (const { route, tag } of routes) {
    const segment = firstSegment(route.path);
    const name = tag ?? (segment !== null && (segmentUses.get(segment) ?? 0) > 1 ? segment : GENERAL_GROUP);
    const group = groups.get(name) ?? [];
    group.push(route);
    groups.set(name, group);
  }
  return [...groups].map(([name, groupRoutes]) => ({ name, routes: groupRoutes }));
}
