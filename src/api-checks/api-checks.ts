// The API checks of one run (docs/architecture.md, "API checks"): the project's saved checks first,
// on the API's data as it started, then the behaviour round of every resource its openapi.json
// describes. Validation (local and E2B) and `forge check` against a preview all run them from here.
import { describeApi } from '@/api-description/describe-api';
import { planBehaviour, plannedCheckNames, type BehaviourPlan } from './behaviour-plan';
import type { CheckTarget, RecordCheck } from './check-target';
import { runBehaviourChecks } from './run-behaviour-checks';
import { runSavedChecks, savedCheckName, type SavedCheckRun } from './run-saved-checks';

export interface ApiCheckPlan {
  saved: readonly SavedCheckRun[];
  /** Null when behaviour checks are off. */
  behaviour: BehaviourPlan | null;
  /** Why there is no behaviour plan although they are on (no openapi.json); recorded as a skipped check. */
  behaviourSkip: string | null;
  /** Every check name the plan will record, in order. */
  names: string[];
}

export const BEHAVIOUR_CHECK = 'behaviour';

export async function planApiChecks(
  openApi: { path: string; text: string } | undefined,
  saved: readonly SavedCheckRun[],
  options: { behaviour: boolean },
): Promise<ApiCheckPlan> {
  const savedNames = saved.map((run) => savedCheckName(run.check));
  if (!options.behaviour) return { saved, behaviour: null, behaviourSkip: null, names: savedNames };
  if (!openApi) {
    const behaviourSkip = 'not checked: the version has no openapi.json to read its resources from';
    return { saved, behaviour: null, behaviourSkip, names: [...savedNames, BEHAVIOUR_CHECK] };
  }
  const behaviour = planBehaviour(await describeApi(openApi.text));
  if (behaviour.resources.length === 0 && behaviour.skipped.length === 0) {
    const behaviourSkip = `not checked: ${openApi.path} describes no collection to create items in (no POST /things route)`;
    return { saved, behaviour: null, behaviourSkip, names: [...savedNames, BEHAVIOUR_CHECK] };
  }
  return { saved, behaviour, behaviourSkip: null, names: [...savedNames, ...plannedCheckNames(behaviour)] };
}

/** Runs the plan against a started API; says whether any accepted write changed its data. */
export async function runApiChecks(target: CheckTarget, plan: ApiCheckPlan, record: RecordCheck): Promise<{ wrote: boolean }> {
  const saved = await runSavedChecks(target, plan.saved, record);
  if (plan.behaviourSkip) record({ check: BEHAVIOUR_CHECK, ok: true, skipped: true, detail: plan.behaviourSkip, kind: 'behaviour' });
  if (!plan.behaviour || target.signal?.aborted) return saved;
  const behaviour = await runBehaviourChecks(target, plan.behaviour, record);
  return { wrote: saved.wrote || behaviour.wrote };
}
