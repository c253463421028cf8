// The sentences that keep a first version from leaving anything out quietly: each noun of the prompt
// that looks like a resource but was not built, with the words that ask for it. Pure.
import type { ApiSchema } from '../schema/api-schema';
import { listWords } from '../schema/describe-schema';
import { withArticle } from '../inflect';

/**
 * "I did not make a "comments" resource: say "add a comments resource" if you want one." A noun some
 * resources hold as a field says so: "(recipes have ratings as a field)".
 */
export function describeNounsLeftOut(schema: ApiSchema, nouns: readonly string[]): string[] {
  const built = new Set(schema.resources.map((resource) => resource.plural));
  return nouns
    .filter((noun) => !built.has(noun))
    .map((noun) => {
      const holders = schema.resources.filter((resource) => resource.fields.some((field) => field.name === noun)).map((resource) => resource.plural);
      const asField = holders.length > 0 ? ` (${listWords(holders)} have ${noun} as a field)` : '';
      const [article] = withArticle(noun).split(' ');
      return `I did not make ${article} "${noun}" resource${asField}: say "add ${withArticle(noun)} resource" if you want one.`;
    });
}
