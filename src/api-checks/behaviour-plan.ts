// Which behaviour checks an API gets (docs/architecture.md, "API checks"): every top-level collection
// its openapi.json lets us create in (POST /books with a JSON object body) becomes a resource, with
// the routes that read, change and delete one of its items (GET, PATCH or PUT, DELETE /books/{id}).
// Pure: it reads a described API and decides; run-behaviour-checks.ts sends the requests.
import { BEHAVIOUR_STEPS, type BehaviourStep } from '@/types/api-checks';
import type { ApiDescription, ApiRoute, JsonSchema } from '@/types/api-description';
import { isRecord } from './json-match';

export { BEHAVIOUR_STEPS, type BehaviourStep };

/** "books: create": unique in a report, and the card groups by the part before the colon. */
export function behaviourCheckName(resource: string, step: BehaviourStep): string {
  return `${resource}: ${step}`;
}

export interface ResourcePlan {
  /** The collection's last path segment: "books". */
  name: string;
  /** "book", for sentences and for matching `bookId` fields of other resources. */
  singular: string;
  /** Full paths, the base path included, with `{param}` left in the item path. */
  collectionPath: string;
  itemPath: string | null;
  /** The body the create step sends, sampled from the POST's schema; null when it cannot be sampled. */
  createBody: Record<string, unknown> | null;
  bodySchema: JsonSchema | null;
  /** Fields of createBody that hold the id of another planned resource: filled from its created item. */
  references: Array<{ field: string; resource: string }>;
  updateMethod: 'PATCH' | 'PUT' | null;
  canDelete: boolean;
  /** Set when none of the resource's steps can run, with why (for example: writes need credentials). */
  skipReason: string | null;
}

export interface BehaviourPlan {
  /** Parents before the resources that refer to them, so a book can be created with a real authorId. */
  resources: ResourcePlan[];
  /** Collections left out, with why: one skipped check each. */
  skipped: Array<{ check: string; reason: string }>;
}

/**
 * The check names the plan will report, in the order they run: each resource's create, read, update
 * and bad body, parents first; then the deletes, children first; then the collections left out.
 */
export function plannedCheckNames(plan: BehaviourPlan): string[] {
  const firstRound = plan.resources.flatMap((resource) => BEHAVIOUR_STEPS.filter((step) => step !== 'delete').map((step) => behaviourCheckName(resource.name, step)));
  const deletes = [...plan.resources].reverse().map((resource) => behaviourCheckName(resource.name, 'delete'));
  return [...firstRound, ...deletes, ...plan.skipped.map((entry) => entry.check)];
}

export function planBehaviour(description: ApiDescription): BehaviourPlan {
  const routes = description.groups.flatMap((group) => group.routes);
  const find = (method: string, path: string) => routes.find((route) => route.method === method && route.path === path);
  const resources: ResourcePlan[] = [];
  const skipped: BehaviourPlan['skipped'] = [];
  for (const create of routes.filter((route) => route.method === 'POST')) {
    const segments = create.path.split('/').filter(Boolean);
    const name = segments.at(-1);
    if (!name || isParam(name)) continue;
    if (segments.some(isParam)) {
      skipped.push({ check: `${create.path}: behaviour`, reason: 'not checked: only top-level collections get the create, read, update and delete round' });
      continue;
    }
    const item = routes.find((route) => route.method === 'GET' && isItemPathOf(route.path, create.path));
    // Neither a list nor an item route: an action (POST /auth/token), not a collection.
    if (!item && !find('GET', create.path)) continue;
    const itemPath = item?.path ?? null;
    const plan: ResourcePlan = {
      name,
      singular: singularOf(name),
      collectionPath: description.basePath + create.path,
      itemPath: itemPath === null ? null : description.basePath + itemPath,
      createBody: sampledObject(create),
      bodySchema: create.requestBody?.schema ?? null,
      references: [],
      updateMethod: itemPath === null ? null : find('PATCH', itemPath) ? 'PATCH' : find('PUT', itemPath) ? 'PUT' : null,
      canDelete: itemPath !== null && Boolean(find('DELETE', itemPath)),
      skipReason: null,
    };
    plan.skipReason = skipReasonOf(create, plan);
    resources.push(plan);
  }
  for (const plan of resources) plan.references = referencesOf(plan, resources);
  return { resources: parentsFirst(resources), skipped };
}

function isParam(segment: string): boolean {
  return /^\{[^}]+\}$/.test(segment);
}

/** `/books/{id}` is the item path of `/books`. */
function isItemPathOf(path: string, collection: string): boolean {
  const rest = path.slice(collection.length);
  return path.startsWith(collection) && /^\/\{[^}/]+\}$/.test(rest);
}

function skipReasonOf(create: ApiRoute, plan: ResourcePlan): string | null {
  if (create.requiresAuth) {
    return `not checked: POST ${create.path} asks for credentials, and validation has none to send`;
  }
  if (plan.createBody === null) {
    return `not checked: no JSON object body could be sampled from the schema of POST ${create.path}`;
  }
  return null;
}

function sampledObject(route: ApiRoute): Record<string, unknown> | null {
  const example = route.requestBody?.example;
  if (!example) return null;
  try {
    const value: unknown = JSON.parse(example);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** By English plural rules: "categories" → "category", "boxes" → "box", "books" → "book". */
export function singularOf(name: string): string {
  if (/ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(name)) return name.slice(0, -2);
  return name.endsWith('s') && !name.endsWith('ss') ? name.slice(0, -1) : name;
}

/** `authorId` and `author_id` point at the resource whose singular is "author"; `newsId` at "news". */
function referencesOf(plan: ResourcePlan, all: readonly ResourcePlan[]): ResourcePlan['references'] {
  const references: ResourcePlan['references'] = [];
  for (const field of Object.keys(plan.createBody ?? {})) {
    const base = /^(.+?)(?:Id|_id)$/.exec(field)?.[1]?.toLowerCase();
    const target = base ? all.find((other) => other !== plan && [other.singular, other.name].some((name) => name.toLowerCase() === base)) : undefined;
    if (target) references.push({ field, resource: target.name });
  }
  return references;
}

/** A resource comes after the ones it refers to; a cycle keeps the document's order. */
function parentsFirst(resources: ResourcePlan[]): ResourcePlan[] {
  const ordered: ResourcePlan[] = [];
  const visiting = new Set<string>();
  const visit = (plan: ResourcePlan) => {
    if (ordered.includes(plan) || visiting.has(plan.name)) return;
    visiting.add(plan.name);
    for (const reference of plan.references) {
      const parent = resources.find((other) => other.name === reference.resource);
      if (parent) visit(parent);
    }
    ordered.push(plan);
  };
  resources.forEach(visit);
  return ordered;
}
