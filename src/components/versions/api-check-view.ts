// How a version's checks are shown (docs/architecture.md, "API checks"): the sandbox's own checks
// (install, build, start, health, routes) as a list, the behaviour round as one row per resource,
// and the saved checks with their regressions. Pure.
import { BEHAVIOUR_STEPS, SAVED_CHECK_PREFIX } from '@/types/api-checks';
import type { ValidationCheck } from '@/types/versioning';

export interface ResourceChecks {
  resource: string;
  /** False when a step failed or could not run because of one. */
  ok: boolean;
  /** Every step was skipped, for one reason (writes need credentials): shown once for the row. */
  skippedReason: string | null;
  /** In the order create, read, update, delete, bad body. */
  steps: ValidationCheck[];
}

export interface CheckSections {
  sandbox: ValidationCheck[];
  resources: ResourceChecks[];
  /** Behaviour checks not tied to a resource: "no openapi.json", a nested collection left out. */
  behaviourNotes: ValidationCheck[];
  saved: ValidationCheck[];
  regressions: ValidationCheck[];
}

const stepIndex = (check: ValidationCheck) => BEHAVIOUR_STEPS.findIndex((step) => check.check.endsWith(`: ${step}`));

export function checkSections(checks: readonly ValidationCheck[]): CheckSections {
  const sandbox: ValidationCheck[] = [];
  const behaviourNotes: ValidationCheck[] = [];
  const saved: ValidationCheck[] = [];
  const byResource = new Map<string, ValidationCheck[]>();
  for (const check of checks) {
    if (check.kind === 'saved') saved.push(check);
    else if (check.kind === 'behaviour' && check.resource) byResource.set(check.resource, [...(byResource.get(check.resource) ?? []), check]);
    else if (check.kind === 'behaviour') behaviourNotes.push(check);
    else sandbox.push(check);
  }
  const resources = [...byResource].map(([resource, steps]) => {
    const sorted = [...steps].sort((a, b) => stepIndex(a) - stepIndex(b));
    const allSkipped = sorted.every((step) => step.skipped && step.ok);
    return { resource, ok: sorted.every((step) => step.ok), skippedReason: allSkipped ? (sorted[0]?.detail ?? null) : null, steps: sorted };
  });
  return { sandbox, resources, behaviourNotes, saved, regressions: saved.filter((check) => check.regression) };
}

/** "create" for "books: create". */
export function stepName(check: ValidationCheck): string {
  return check.resource ? check.check.slice(check.resource.length + 2) : check.check;
}

/** "GET /books → 200" for "saved: GET /books → 200". */
export function savedCheckLabel(check: ValidationCheck): string {
  return check.check.startsWith(SAVED_CHECK_PREFIX) ? check.check.slice(SAVED_CHECK_PREFIX.length) : check.check;
}
