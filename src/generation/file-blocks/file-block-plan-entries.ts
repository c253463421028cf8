// The entries of a <plan> block: `path action` pairs separated by `;` or newlines, with the action
// words models tend to use mapped onto create, modify and delete. Pure.
import { checkSafePath } from '@/shared/safe-path';

export type PlanAction = 'create' | 'modify' | 'delete';

const PLAN_ACTIONS = new Map<string, PlanAction>([
  ['create', 'create'],
  ['created', 'create'],
  ['add', 'create'],
  ['added', 'create'],
  ['new', 'create'],
  ['modify', 'modify'],
  ['modified', 'modify'],
  ['update', 'modify'],
  ['updated', 'modify'],
  ['edit', 'modify'],
  ['edited', 'modify'],
  ['change', 'modify'],
  ['changed', 'modify'],
  ['delete', 'delete'],
  ['deleted', 'delete'],
  ['remove', 'delete'],
  ['removed', 'delete'],
]);

/** Entries with no recognisable action or an unsafe path are left out. */
export function parsePlanEntries(text: string): Array<{ path: string; action: PlanAction }> {
  const entries: Array<{ path: string; action: PlanAction }> = [];
  for (const entry of text.split(/[;\n]+/)) {
    const tokens = entry
      .split(/[\s,:()[\]]+/)
      .map((token) => token.replace(/^[`"'*•-]+|[`"'*]+$/g, ''))
      .filter(Boolean);
    const action = tokens.map((token) => PLAN_ACTIONS.get(token.toLowerCase())).find(Boolean);
    const pathToken = tokens.find((token) => !PLAN_ACTIONS.has(token.toLowerCase()));
    if (!action || !pathToken) continue;
    const safe = checkSafePath(pathToken);
    if (safe.ok) entries.push({ path: safe.path, action });
  }
  return entries;
}
