// Reads a first prompt into a CreateIntent: the resources, their fields, the relations between
// them and the features asked for. Pure and deliberately narrow: it follows the phrasings listed in
// capabilities.ts and answers null when it finds no resources, so the generator says so instead of
// building something made up.
//
// It reads in two passes. The first (read-clauses.ts, with read-lists.ts and read-title.ts) finds
// every noun the prompt uses as a resource (in the title, in lists, as the subject of "with", "has"
// or "belongs to") and the lists said of each one. The second, here, reads those lists against the
// full set of resources, because "an author" in "each book has a title and an author" is a relation
// only if authors are a resource, which may be said later in the prompt. What looks like a resource
// but is not built is named for the summary (left-out-nouns.ts).
import type { Feature } from '../schema/api-schema';
import { featuresNamedIn } from './feature-catalog';
import { capitalize, looksPlural } from '../inflect';
import { nounsLeftOut } from './left-out-nouns';
import type { CreateIntent, FieldRequest, RelationRequest } from './prompt-intents';
import { clausesOf, normalize, type Token } from './prompt-text';
import { DETERMINERS, HEAD_WORDS } from './prompt-words';
import { readClauses, type FirstPass, type Mention } from './read-clauses';
import { namesNoField, readFieldItem, readResourceItem } from './read-list-items';
import { relationFromHave } from './read-relations';
import { listedTitle, readTitle, type Title } from './read-title';
import { domainResources, isKnownResource, isUnsupportedWord, resourceForms } from './resource-catalog';
import { isClearResource } from './resource-nouns';

/** Features asked for anywhere, and what it does not build, unless it names the domain ("a movie database"). */
function requestedFeatures(tokens: readonly Token[]): { features: Feature[]; unsupported: string[] } {
  const unsupported = tokens.filter((word, index) => isUnsupportedWord(word) && !isKnownResource(tokens[index - 1] ?? ''));
  return { features: featuresNamedIn(tokens), unsupported: [...new Set(unsupported)] };
}

/** Known resources mentioned outside lists: "a todo API", "a movie database", "users can post notes". */
function mentionedResources(tokens: readonly Token[]): Mention[] {
  return tokens.flatMap((word, at) =>
    isKnownResource(word) && (looksPlural(word) || HEAD_WORDS.has(tokens[at + 1] ?? '')) ? [{ word, at }] : [],
  );
}

/** "Bookstore API" from "for a bookstore", else the title before "API" ("Movie Database API"), else from the resources. */
function apiTitle(domainWords: string[] | undefined, title: Title | undefined, resourceWords: string[]): string {
  if (domainWords) return `${domainWords.map(capitalize).join(' ')} API`;
  if (title) return title.text;
  return `${listedTitle(resourceWords.map(capitalize))} API`;
}

/** "items in warehouses": where a resource is said to be is a resource too, when it is plainly one. */
function withPlacesOf(mentions: Mention[], pass: FirstPass): Mention[] {
  const isMentioned = (word: string) => mentions.some((mention) => resourceForms(mention.word).plural === resourceForms(word).plural);
  const places = pass.prepositionPairs.filter((pair) => isMentioned(pair.child) && isClearResource(pair.parent));
  return [...mentions, ...places.map((pair) => ({ word: pair.parent, at: pair.parentAt }))];
}

/** The mentioned resources in prompt order, once each: their plurals, and the words as written for the title. */
function distinctResources(mentions: Mention[]): { plurals: string[]; words: string[] } {
  const plurals: string[] = [];
  const words: string[] = [];
  for (const { word } of [...mentions].sort((a, b) => a.at - b.at)) {
    const { plural } = resourceForms(word);
    if (plurals.includes(plural)) continue;
    plurals.push(plural);
    words.push(word);
  }
  return { plurals, words };
}

/** Words that name nothing in a request but are fields when listed alone among fields: the model of cars. */
const FILLER_FIELD_NAMES = new Set(['model', 'service', 'system', 'server', 'application', 'app', 'support', 'collection']);

/** Second pass: each item said of a resource is a relation to another resource, or a field. */
function readItemLists(pass: FirstPass, resources: string[]) {
  const fields: Record<string, FieldRequest[]> = {};
  const relations: RelationRequest[] = [...pass.relations];
  const unclear: string[] = [];
  const isResource = (word: string) => resources.includes(resourceForms(word).plural);
  for (const { subject, items, said } of pass.itemLists) {
    const subjectPlural = resourceForms(subject).plural;
    for (const item of items) {
      const reading = readResourceItem(item);
      if (reading.kind === 'feature' || reading.kind === 'unsupported') continue;
      if (reading.kind === 'nothing' && !FILLER_FIELD_NAMES.has(item.join(' '))) continue;
      const words = item.filter((word) => !DETERMINERS.has(word));
      const named = reading.kind === 'resource' && words.length === 1 && isResource(reading.word) ? reading.word : undefined;
      if (named !== undefined && resourceForms(named).plural !== subjectPlural) {
        if (said === 'have') relations.push(relationFromHave(subject, item)!);
        else if (!looksPlural(named)) relations.push({ child: subject, parent: named });
        continue;
      }
      if (namesNoField(item)) continue;
      const field = readFieldItem(item);
      if (!field) unclear.push(item.join(' '));
      else if (!(fields[subjectPlural] ??= []).some((existing) => existing.name === field.name)) fields[subjectPlural].push(field);
    }
  }
  for (const pair of pass.prepositionPairs) {
    if (isResource(pair.child) && isResource(pair.parent)) relations.push(pair);
  }
  return { fields, relations: distinctRelations(relations), unclear };
}

function distinctRelations(relations: RelationRequest[]): RelationRequest[] {
  const keyed = new Map<string, RelationRequest>();
  for (const relation of relations) {
    const child = resourceForms(relation.child).plural;
    const parent = resourceForms(relation.parent).plural;
    if (child !== parent) keyed.set(`${child} ${parent}`, { child, parent });
  }
  return [...keyed.values()];
}

/**
 * A first prompt: "A bookstore API with authors and books with title, price and published date.
 * Books belong to authors. Add JWT auth and pagination." Null when no resources can be found in it.
 */
export function understandCreatePrompt(prompt: string): CreateIntent | null {
  const clauses = clausesOf(normalize(prompt));
  const tokens = clauses.flat();
  const pass = readClauses(clauses);
  const title = readTitle(clauses);
  const requested = requestedFeatures(tokens);
  const mentions = withPlacesOf([...(title?.resources ?? []), ...pass.mentions], pass);
  const named = distinctResources(mentions.length > 0 ? mentions : mentionedResources(tokens));
  if (named.plurals.length > 0) {
    const lists = readItemLists(pass, named.plurals);
    const leftOut = nounsLeftOut(tokens, named.plurals, lists.fields);
    return {
      title: apiTitle(pass.domainWords, title, named.words),
      resources: named.plurals,
      ...lists,
      ...requested,
      ...(leftOut.length > 0 ? { nounsLeftOut: leftOut } : {}),
    };
  }
  const domain = tokens.find((word) => domainResources(word) !== undefined);
  if (!domain) return null;
  const implied = domainResources(domain)!;
  return {
    title: apiTitle(pass.domainWords ?? [domain], title, implied),
    resources: implied,
    fields: {},
    relations: [],
    unclear: [],
    ...requested,
    impliedBy: domain,
  };
}
