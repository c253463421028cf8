// The behaviour round of every planned resource (docs/architecture.md, "API checks"): create, read it
// back, update, send a bad body, and at the end delete, children before the parents they point at.
// Each step is a named check with the exchange that decided it.
import { BEHAVIOUR_STEPS, behaviourCheckName, type BehaviourPlan, type BehaviourStep, type ResourcePlan } from './behaviour-plan';
import { changeForUpdate, invalidBody, withReferences } from './body-variants';
import { answered, isSuccess, send, withServerLog, type CheckTarget, type RecordCheck } from './check-target';
import type { ExchangeResult } from './http-exchange';
import { isRecord, jsonMismatches, short, unwrapItem } from './json-match';

interface Created {
  id: unknown;
  /** "/books/7"; null when the API has no item route. */
  itemUrl: string | null;
  /** What the item holds now, as sent: the create body, then with the update's change. */
  fields: Record<string, unknown>;
}

/** Runs the plan's checks in order; says whether any request changed the API's data. */
export async function runBehaviourChecks(target: CheckTarget, plan: BehaviourPlan, record: RecordCheck): Promise<{ wrote: boolean }> {
  const created = new Map<string, Created>();
  let wrote = false;
  for (const resource of plan.resources) {
    const step = stepRecorder(target, resource, record);
    if (resource.skipReason) {
      for (const name of BEHAVIOUR_STEPS.filter((name) => name !== 'delete')) step.skip(name, resource.skipReason);
      continue;
    }
    const item = await createItem(target, resource, created, step);
    wrote = item.wrote || wrote;
    if (item.created) {
      created.set(resource.name, item.created);
      await readItem(target, resource, item.created, step);
      wrote = (await updateItem(target, resource, item.created, step)) || wrote;
    }
    wrote = (await sendBadBody(target, resource, created, step)) || wrote;
  }
  for (const resource of [...plan.resources].reverse()) {
    const item = created.get(resource.name);
    const step = stepRecorder(target, resource, record);
    if (resource.skipReason) step.skip('delete', resource.skipReason);
    else if (item) wrote = (await deleteItem(target, resource, item, step)) || wrote;
    else step.notRun('delete', `not run: no ${resource.singular} was created`);
  }
  for (const { check, reason } of plan.skipped) record({ check, ok: true, skipped: true, detail: reason, kind: 'behaviour' });
  return { wrote };
}

type StepRecorder = ReturnType<typeof stepRecorder>;

function stepRecorder(target: CheckTarget, resource: ResourcePlan, record: RecordCheck) {
  const base = (step: BehaviourStep) => ({ check: behaviourCheckName(resource.name, step), kind: 'behaviour' as const, resource: resource.name });
  return {
    pass(step: BehaviourStep, detail: string, result: ExchangeResult) {
      record({ ...base(step), ok: true, detail, exchange: result.exchange, durationMs: result.durationMs });
    },
    async fail(step: BehaviourStep, detail: string, result: ExchangeResult, logMark?: number) {
      const withLog = await withServerLog(target, logMark, detail);
      record({ ...base(step), ok: false, detail: withLog, exchange: result.exchange, durationMs: result.durationMs });
    },
    skip(step: BehaviourStep, detail: string) {
      record({ ...base(step), ok: true, skipped: true, detail });
    },
    /** A step that could not run because an earlier one failed: it counts as failed, as in the rest of validation. */
    notRun(step: BehaviourStep, detail: string) {
      record({ ...base(step), ok: false, skipped: true, detail });
    },
  };
}

/** Sends a request, with the server's output marked before it so a failure can show what it printed. */
async function sendMarked(target: CheckTarget, request: Parameters<typeof send>[1]): Promise<{ result: ExchangeResult; mark?: number }> {
  const mark = target.serverLog?.mark();
  const result = await send(target, request);
  return { result, ...(mark === undefined ? {} : { mark }) };
}

/** Fields that a create or read answer must hold as sent; writeOnly ones (a password) are not sent back. */
function expectedFields(resource: ResourcePlan, fields: Record<string, unknown>): Record<string, unknown> {
  const properties = isRecord(resource.bodySchema?.properties) ? resource.bodySchema.properties : {};
  return Object.fromEntries(Object.entries(fields).filter(([field]) => !(isRecord(properties[field]) && properties[field].writeOnly === true)));
}

function idOf(resource: ResourcePlan, body: unknown, location: string | undefined): unknown {
  if (isRecord(body)) {
    for (const key of ['id', '_id', `${resource.singular}Id`, 'uuid']) {
      const value = body[key];
      if (typeof value === 'string' || typeof value === 'number') return value;
    }
  }
  const fromLocation = location?.split('?')[0]?.split('/').filter(Boolean).at(-1);
  return fromLocation ? decodeURIComponent(fromLocation) : undefined;
}

async function createItem(target: CheckTarget, resource: ResourcePlan, created: Map<string, Created>, step: StepRecorder) {
  const filled = withReferences(resource.createBody ?? {}, resource.references, new Map([...created].map(([name, item]) => [name, item.id])));
  const dependents: BehaviourStep[] = ['read', 'update'];
  if ('missing' in filled) {
    const reason = `not run: it needs a ${filled.missing} item, and none could be created`;
    for (const name of ['create', ...dependents] as const) step.notRun(name, reason);
    return { wrote: false };
  }
  const { result, mark } = await sendMarked(target, { method: 'POST', path: resource.collectionPath, body: filled.body });
  const wrote = isSuccess(result.status);
  const notRun = (why: string) => dependents.forEach((name) => step.notRun(name, `not run: ${why}`));
  if (!isSuccess(result.status)) {
    await step.fail('create', `${answered(result)}; creating a ${resource.singular} should answer 2xx`, result, mark);
    notRun(`creating a ${resource.singular} failed`);
    return { wrote };
  }
  const item = unwrapItem(result.json);
  const mismatches = jsonMismatches(item, expectedFields(resource, filled.body));
  const id = idOf(resource, item, result.location);
  const itemUrl = resource.itemPath && id !== undefined ? resource.itemPath.replace(/\{[^}/]+\}/, encodeURIComponent(String(id))) : undefined;
  if (mismatches.length > 0) {
    await step.fail('create', `${answered(result)}, but the answer is not the ${resource.singular} sent: ${mismatches.slice(0, 5).join('; ')}`, result, mark);
  } else if (id === undefined) {
    await step.fail('create', `${answered(result)}, but the answer has no id (nor a Location header) to find the ${resource.singular} by`, result, mark);
  } else {
    step.pass('create', `${answered(result)} with the ${resource.singular} sent, id ${short(id)}`, result);
  }
  if (id === undefined || mismatches.length > 0) {
    notRun('the create step failed');
    return { wrote };
  }
  return { wrote, created: { id, itemUrl: itemUrl ?? null, fields: filled.body } };
}

const noItemRoute = (resource: ResourcePlan) => `not checked: there is no GET ${resource.collectionPath}/{id} route to find a ${resource.singular} by`;

async function readItem(target: CheckTarget, resource: ResourcePlan, item: Created, step: StepRecorder): Promise<void> {
  if (item.itemUrl === null) return step.skip('read', noItemRoute(resource));
  const { result, mark } = await sendMarked(target, { method: 'GET', path: item.itemUrl });
  if (result.status !== 200) {
    await step.fail('read', `${answered(result)}, but the ${resource.singular} created just before should be found (200)`, result, mark);
    return;
  }
  const mismatches = jsonMismatches(unwrapItem(result.json), expectedFields(resource, item.fields));
  if (mismatches.length > 0) await step.fail('read', `${answered(result)}, but not with the fields created: ${mismatches.slice(0, 5).join('; ')}`, result, mark);
  else step.pass('read', `${answered(result)} with the fields created`, result);
}

async function updateItem(target: CheckTarget, resource: ResourcePlan, item: Created, step: StepRecorder): Promise<boolean> {
  if (item.itemUrl === null) {
    step.skip('update', noItemRoute(resource));
    return false;
  }
  if (!resource.updateMethod) {
    step.skip('update', `not checked: there is no PATCH or PUT ${resource.itemPath ?? ''} route`);
    return false;
  }
  const references = new Set(resource.references.map((reference) => reference.field));
  const change = changeForUpdate(item.fields, resource.bodySchema, references);
  if (!change) {
    step.skip('update', `not checked: no field of a ${resource.singular} can be changed without knowing its rules`);
    return false;
  }
  const fields = { ...item.fields, [change.field]: change.value };
  const body = resource.updateMethod === 'PATCH' ? { [change.field]: change.value } : fields;
  const { result, mark } = await sendMarked(target, { method: resource.updateMethod, path: item.itemUrl, body });
  if (!isSuccess(result.status)) {
    await step.fail('update', `${answered(result)}; setting ${change.field} to ${short(change.value)} should answer 2xx`, result, mark);
    return false;
  }
  item.fields = fields;
  const read = await sendMarked(target, { method: 'GET', path: item.itemUrl });
  const shown = isRecord(unwrapItem(read.result.json)) ? (unwrapItem(read.result.json) as Record<string, unknown>)[change.field] : undefined;
  if (read.result.status !== 200 || jsonMismatches(shown, change.value).length > 0) {
    const what = read.result.status === 200 ? `shows ${change.field} ${short(shown)}` : `answered ${read.result.summary}`;
    await step.fail('update', `${answered(result)}, but then GET ${item.itemUrl} ${what}, not ${short(change.value)}`, read.result, read.mark);
    return true;
  }
  step.pass('update', `${answered(result)}, and GET ${item.itemUrl} shows ${change.field} ${short(change.value)}`, result);
  return true;
}

async function sendBadBody(target: CheckTarget, resource: ResourcePlan, created: Map<string, Created>, step: StepRecorder): Promise<boolean> {
  const filled = withReferences(resource.createBody ?? {}, resource.references, new Map([...created].map(([name, item]) => [name, item.id])));
  const invalid = invalidBody('body' in filled ? filled.body : (resource.createBody ?? {}), resource.bodySchema);
  if (!invalid) {
    step.skip('bad body', `not checked: the schema of POST ${resource.collectionPath} allows any body`);
    return false;
  }
  const { result, mark } = await sendMarked(target, { method: 'POST', path: resource.collectionPath, body: invalid.body });
  const sentence = `with ${invalid.field} set to ${short(invalid.value)}`;
  if (result.status === 400 || result.status === 422) {
    step.pass('bad body', `POST ${resource.collectionPath} ${sentence} answered ${result.summary}`, result);
    return false;
  }
  const expected = 'a body the schema does not allow should get 400 (or 422)';
  await step.fail('bad body', `POST ${resource.collectionPath} ${sentence} answered ${result.summary}; ${expected}`, result, mark);
  return isSuccess(result.status);
}

async function deleteItem(target: CheckTarget, resource: ResourcePlan, item: Created, step: StepRecorder): Promise<boolean> {
  if (item.itemUrl === null) {
    step.skip('delete', noItemRoute(resource));
    return false;
  }
  if (!resource.canDelete) {
    step.skip('delete', `not checked: there is no DELETE ${resource.itemPath ?? ''} route`);
    return false;
  }
  const { result, mark } = await sendMarked(target, { method: 'DELETE', path: item.itemUrl });
  if (!isSuccess(result.status)) {
    await step.fail('delete', `${answered(result)}; deleting the ${resource.singular} should answer 2xx`, result, mark);
    return false;
  }
  const read = await sendMarked(target, { method: 'GET', path: item.itemUrl });
  if (read.result.status !== 404) {
    await step.fail('delete', `${answered(result)}, but then GET ${item.itemUrl} answered ${read.result.summary}, not 404`, read.result, read.mark);
    return true;
  }
  step.pass('delete', `${answered(result)}, and then GET ${item.itemUrl} answered 404`, result);
  return true;
}
