// The offline generator against a corpus of prompts in the voices of real users: every prompt gives
// a version (no "I did not understand"), and the last version has exactly the resources and
// features a reasonable reader expects, with the fields the prompts spell out. One test per entry,
// so a failure names its prompt and shows what came out beside what was expected.
import { describe, expect, it } from 'vitest';
import { runConversation } from '@/test/offline-conversations';
import { FIRST_PROMPTS, ITERATIONS, type CorpusEntry } from '@/test/offline-prompt-corpus';
import { readStoredSchema, type ApiSchema } from './schema/api-schema';

/** A schema's fields as the corpus writes them: name → type, or `→ plural` for a relation. */
function fieldTable(schema: ApiSchema | undefined, plural: string): Record<string, string> | undefined {
  const resource = schema?.resources.find((candidate) => candidate.plural === plural);
  if (!resource) return undefined;
  return Object.fromEntries(resource.fields.map((field) => [field.name, field.references === undefined ? field.type : `→ ${field.references}`]));
}

function tablesOf(schema: ApiSchema | undefined, plurals: string[]) {
  return Object.fromEntries(plurals.map((plural) => [plural, fieldTable(schema, plural)]));
}

/** A label for the test list: the prompts in order, line breaks shown. */
function label(entry: CorpusEntry): string {
  return entry.prompts.map((prompt) => prompt.replace(/\n/g, ' ↵ ')).join('  →  ');
}

/** What the conversation gave, shaped like the expectation so that one diff shows every difference. */
function outcome(entry: CorpusEntry) {
  const steps = runConversation(entry.prompts);
  const schema = readStoredSchema(steps.at(-1)!.files)?.schema;
  return {
    // A step without a plan is a refusal: the generator did not understand the prompt.
    refused: steps.filter((step) => step.answer.plan === undefined).map((step) => `${step.prompt} :: ${step.answer.summary?.split('\n')[0]}`),
    resources: (schema?.resources.map((resource) => resource.plural) ?? []).sort(),
    features: schema?.features ?? [],
    fields: tablesOf(schema, Object.keys(entry.fields ?? {})),
    includes: tablesOf(schema, Object.keys(entry.includes ?? {})),
  };
}

function expected(entry: CorpusEntry) {
  return {
    refused: [],
    resources: [...entry.resources].sort(),
    features: entry.features ?? [],
    fields: entry.fields ?? {},
    includes: Object.fromEntries(Object.entries(entry.includes ?? {}).map(([plural, table]) => [plural, expect.objectContaining(table)])),
  };
}

describe('offline prompt corpus', () => {
  it('has at least 80 first prompts and 40 follow-ups, each entry once', () => {
    expect(FIRST_PROMPTS.length).toBeGreaterThanOrEqual(80);
    expect(ITERATIONS.flatMap((entry) => entry.prompts.slice(1)).length).toBeGreaterThanOrEqual(40);
    for (const entry of FIRST_PROMPTS) expect(entry.prompts).toHaveLength(1);
    for (const entry of ITERATIONS) expect(entry.prompts.length).toBeGreaterThan(1);
    const labels = [...FIRST_PROMPTS, ...ITERATIONS].map(label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('expects features in the order the generator keeps them, and fields only of expected resources', () => {
    const order = ['auth', 'pagination', 'filtering', 'rate-limit', 'cors', 'logging', 'tests'];
    for (const entry of [...FIRST_PROMPTS, ...ITERATIONS]) {
      const features = entry.features ?? [];
      expect(features, label(entry)).toEqual([...features].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      for (const plural of [...Object.keys(entry.fields ?? {}), ...Object.keys(entry.includes ?? {})]) expect(entry.resources, label(entry)).toContain(plural);
    }
  });

  describe('first prompts', () => {
    it.each(FIRST_PROMPTS.map((entry) => [label(entry), entry] as const))('%s', (_label, entry) => {
      expect(outcome(entry)).toEqual(expected(entry));
    });
  });

  describe('follow-ups', () => {
    it.each(ITERATIONS.map((entry) => [label(entry), entry] as const))('%s', (_label, entry) => {
      expect(outcome(entry)).toEqual(expected(entry));
    });
  });
});
