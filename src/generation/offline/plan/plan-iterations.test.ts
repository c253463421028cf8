// Changes planned from prompts said in other words than one plain command: several changes at once,
// a field removed without naming its resource, a new resource whose fields name others.
import { describe, expect, it } from 'vitest';
import type { ApiSchema } from '../schema/api-schema';
import { planFirstVersion } from './plan-first-version';
import { planIteration, planIterations } from './plan-iteration';

const SCHOOL = planFirstVersion({ title: 'School API', resources: ['students', 'courses'], fields: {}, relations: [], features: [], unsupported: [], unclear: [] }).schema;

function changedSchema(plan: ReturnType<typeof planIteration>): ApiSchema {
  if (plan.kind !== 'change') throw new Error(`expected a change, got: ${plan.message}`);
  return plan.schema;
}

const fieldsOf = (schema: ApiSchema, plural: string) => schema.resources.find((resource) => resource.plural === plural)?.fields;

describe('planIterations', () => {
  it('plans each change on the one before, in one version', () => {
    const plan = planIterations(SCHOOL, [
      { kind: 'remove-resources', resources: ['courses'] },
      { kind: 'add-resources', resources: ['teachers'], features: [], unsupported: [] },
    ]);
    expect(changedSchema(plan).resources.map((resource) => resource.plural)).toEqual(['students', 'teachers']);
    expect(plan).toMatchObject({ title: 'Remove courses, add teachers', description: expect.stringMatching(/^Removed courses and its routes\. Added teachers with /) });
  });

  it('refuses them all when one cannot be made', () => {
    const plan = planIterations(SCHOOL, [
      { kind: 'add-resources', resources: ['teachers'], features: [], unsupported: [] },
      { kind: 'remove-resources', resources: ['movies'] },
    ]);
    expect(plan).toEqual({ kind: 'refusal', message: 'The API has no movies resource. Its resources are students, courses and teachers.' });
  });
});

describe('planIteration in other words', () => {
  it('removes a field from the one resource that has it', () => {
    expect(fieldsOf(changedSchema(planIteration(SCHOOL, { kind: 'remove-fields', fields: ['email'] })), 'students')?.map((field) => field.name)).toEqual(['name']);
    expect(fieldsOf(changedSchema(planIteration(SCHOOL, { kind: 'remove-resources', resources: ['email'] })), 'students')?.map((field) => field.name)).toEqual(['name']);
  });

  it('asks which resource when several have the field, and says when none has', () => {
    expect(planIteration(SCHOOL, { kind: 'remove-fields', fields: ['price'] })).toMatchObject({ kind: 'refusal', message: expect.stringContaining('No resource has a price field') });
    const named = planIteration(SCHOOL, { kind: 'add-fields', resource: 'courses', fields: [{ name: 'email', required: false }] });
    expect(planIteration(changedSchema(named), { kind: 'remove-fields', fields: ['email'] })).toMatchObject({ kind: 'refusal', message: expect.stringContaining('say which') });
  });

  it('relates a new resource to the resources its fields name, in the order named', () => {
    const plan = planIteration(SCHOOL, {
      kind: 'add-resources',
      resources: ['enrollments'],
      fields: [{ name: 'student', required: false }, { name: 'course', required: false }, { name: 'grade', required: false }],
      features: [],
      unsupported: [],
    });
    expect(fieldsOf(changedSchema(plan), 'enrollments')).toEqual([
      { name: 'studentId', type: 'string', required: true, references: 'students' },
      { name: 'courseId', type: 'string', required: true, references: 'courses' },
      { name: 'grade', type: 'string', required: false },
    ]);
  });
});
