// The order the validation list shows checks in: what needs attention first. Pure.
import type { ValidationCheck } from '@/types/versioning';

type CheckFacts = Pick<ValidationCheck, 'ok' | 'skipped'>;

/** 0 failed, 1 not run because of a failure, 2 passed, 3 deliberately skipped. */
function rank(check: CheckFacts): number {
  if (!check.ok) return check.skipped ? 1 : 0;
  return check.skipped ? 3 : 2;
}

/** Failed checks, then the ones a failure kept from running, then passed, then skipped; stable within each. */
export function orderChecks<C extends CheckFacts>(checks: readonly C[]): C[] {
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => rank(a.check) - rank(b.check) || a.index - b.index)
    .map(({ check }) => check);
}
