import { describe, expect, it } from 'vitest';
import { readParallelPlan, renderPlanBlock } from './parallel-plan';

describe('readParallelPlan', () => {
  it('reads files, actions, responsibilities and interfaces; drops unsafe and duplicate paths', () => {
    const plan = readParallelPlan(`Sure!
<plan title="Add auth">
src/auth.ts create — issues and checks tokens
src/index.ts modify: mounts the auth routes
../etc/passwd create — nope
src/auth.ts create — duplicate
src/old.ts delete
</plan>
<interfaces>export function requireUser(request): User</interfaces>`);
    expect(plan.title).toBe('Add auth');
    expect(plan.files).toEqual([
      { path: 'src/auth.ts', action: 'create', responsibility: 'issues and checks tokens' },
      { path: 'src/index.ts', action: 'modify', responsibility: 'mounts the auth routes' },
      { path: 'src/old.ts', action: 'delete', responsibility: '' },
    ]);
    expect(plan.interfaces).toBe('export function requireUser(request): User');
    expect(renderPlanBlock(plan)).toBe('<plan title="Add auth">src/auth.ts create; src/index.ts modify; src/old.ts delete</plan>\n');
  });

  it('finds no files in an answer without a plan', () => {
    expect(readParallelPlan('I cannot help with that.').files).toEqual([]);
  });
});
