// Switching features on and off. Features belong to the whole API and are kept in FEATURES order,
// so the same set always renders the same files. Pure.
import { FEATURES, type ApiSchema, type Feature } from '../schema/api-schema';
import { listWords } from '../schema/describe-schema';
import { describeFeature, featureName } from '../understand/feature-catalog';
import { refusal, type IterationPlan } from './iteration-plan';

export function withFeatures(schema: ApiSchema, features: readonly Feature[]): ApiSchema {
  return { ...schema, features: FEATURES.filter((feature) => schema.features.includes(feature) || features.includes(feature)) };
}

/** "The offline generator does not build a database; connect a model (OPENAI_API_KEY) for that." */
export function notBuiltNote(unsupported: readonly string[]): string {
  return unsupported.length > 0
    ? `The offline generator does not build ${listWords([...unsupported])}; connect a model (OPENAI_API_KEY) for that.`
    : '';
}

/** Sentences for features just switched on: "Added pagination: list routes take ...". */
export function describeAddedFeatures(features: readonly Feature[]): string {
  return features.map((feature) => `Added ${describeFeature(feature)}.`).join(' ');
}

export function addFeatures(base: ApiSchema, features: Feature[], unsupported: string[]): IterationPlan {
  const added = features.filter((feature) => !base.features.includes(feature));
  const notBuilt = notBuiltNote(unsupported);
  if (added.length === 0) {
    const already = features.length > 0 ? `The API already has ${listWords(features.map(featureName))}, so nothing changed.` : '';
    return refusal([already, notBuilt].filter(Boolean).join(' '));
  }
  const present = features.filter((feature) => base.features.includes(feature));
  const alreadyThere = present.length > 0 ? ` It already had ${listWords(present.map(featureName))}.` : '';
  return {
    kind: 'change',
    schema: withFeatures(base, added),
    title: `Add ${listWords(added.map(featureName))}`,
    description: `${describeAddedFeatures(added)}${alreadyThere}${notBuilt ? ` ${notBuilt}` : ''}`,
  };
}

export function removeFeatures(base: ApiSchema, features: Feature[]): IterationPlan {
  const removed = features.filter((feature) => base.features.includes(feature));
  if (removed.length === 0) return refusal(`The API has no ${listWords(features.map(featureName))}, so nothing changed.`);
  const names = listWords(removed.map(featureName));
  return {
    kind: 'change',
    schema: { ...base, features: base.features.filter((feature) => !removed.includes(feature)) },
    title: `Remove ${names}`,
    description: `Removed ${names}: ${removed.length > 1 ? 'their' : 'its'} code, docs and routes are gone.`,
  };
}
