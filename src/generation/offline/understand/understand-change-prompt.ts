// Reads a follow-up prompt into a ChangeIntent: add or remove resources, fields or features, relate
// two resources, or rename a resource or field. Pure, and one command per prompt; anything else is
// null, so the generator says it did not understand rather than guessing.
import type { Feature } from '../schema/api-schema';
import { camelCase, looksPlural } from '../inflect';
import { featurePhraseAt, featuresNamedIn } from './feature-catalog';
import type { ChangeIntent, FieldRequest } from './prompt-intents';
import { normalize, splitItems, tokensOf } from './prompt-text';
import { FIELD_WORDS, RESOURCE_MARKERS } from './prompt-words';
import { readFieldItem, readResourceItem } from './read-list-items';
import { readRelationCommand } from './read-relations';
import { inferFieldType, isKnownResource } from './resource-catalog';

/** Drops the politeness around a command: "Please also add reviews, thanks!" → "add reviews". */
function commandClause(prompt: string): string | null {
  // In one command a bracket reads as "with": "add reviews (rating, comment)".
  const flat = normalize(prompt).replace(/\(/g, ' with ').replace(/\)/g, ' , ');
  const clauses = flat
    .split(/[.;!?\n]+/)
    .map((clause) => clause.replace(/\s+/g, ' ').trim())
    .filter((clause) => clause && !/^(thanks|thank you|thx|cheers|please)$/.test(clause));
  if (clauses.length !== 1) return null;
  let command = clauses[0]!.replace(/ ,/g, ',');
  const prefix =
    /^(please|can you|could you|would you|now|also|then|and|lets|let us|i want to|i would like to|id like to|i need to|we need to|go ahead and|kindly)\s+/;
  const suffix = /\s+(please|too|as well|also|now|thanks)$/;
  while (prefix.test(command) || suffix.test(command)) command = command.replace(prefix, '').replace(suffix, '');
  return command;
}

interface ListReading {
  resources: string[];
  features: Feature[];
  unsupported: string[];
}

/** A list of resources and features; null when any item is neither. */
function readResourceList(text: string): ListReading | null {
  const reading: ListReading = { resources: [], features: [], unsupported: [] };
  for (const item of splitItems(tokensOf(text))) {
    const read = readResourceItem(item);
    if (read.kind === 'unclear') return null;
    if (read.kind === 'resource') reading.resources.push(read.word);
    if (read.kind === 'feature' && !reading.features.includes(read.feature)) reading.features.push(read.feature);
    if (read.kind === 'unsupported') reading.unsupported.push(read.text);
  }
  return reading.resources.length + reading.features.length + reading.unsupported.length > 0 ? reading : null;
}

function readFieldList(text: string): FieldRequest[] | null {
  const fields = splitItems(tokensOf(text)).map(readFieldItem);
  return fields.length > 0 && fields.every((field) => field !== null) ? (fields as FieldRequest[]) : null;
}

/** "reviews" or "a reviews resource" reads as new resources; "isbn" or "a price field" as fields. */
function namesResources(text: string): boolean {
  const items = splitItems(tokensOf(text));
  if (items.some((item) => item.some((word) => FIELD_WORDS.has(word)))) return false;
  return items.every((item) => {
    if (item.some((word) => RESOURCE_MARKERS.has(word))) return true;
    // "add reviews to books" and "add children to classes" add a collection; "add an author to books"
    // and "add calories to recipes" (a count) add a field.
    const reading = readResourceItem(item);
    if (reading.kind !== 'resource' || !looksPlural(reading.word) || ['a', 'an'].includes(item[0]!)) return false;
    return isKnownResource(reading.word) || (item.length === 1 && inferFieldType(reading.word) === 'string');
  });
}

/** "JWT auth and pagination": features only, nothing else. */
function readFeatureList(text: string): ListReading | null {
  const list = readResourceList(text);
  return list && list.resources.length === 0 && list.features.length > 0 ? list : null;
}

const REMOVE = '(?:remove|delete|drop|get rid of|disable|turn off|switch off)';
const ADD = '(?:add|include|introduce|create|support|enable|turn on|switch on|use|implement|write|set up)';
const TARGET = '(?:the |each |every |all )?([a-z]+)(?: (?:resource|model|entity|endpoints?|routes?))?';
const REMOVE_FROM = new RegExp(`^${REMOVE} (.+) from ${TARGET}$`);
const REMOVE_ANY = new RegExp(`^${REMOVE} (.+)$`);
const ADD_TO = new RegExp(`^${ADD} (.+?) (?:to|on|for|in) ${TARGET}$`);
const ADD_WITH = new RegExp(`^${ADD} (.+?) with (.+)$`);
const ADD_ANY = new RegExp(`^${ADD} (.+)$`);
const NAME_WORDS = '(?:(?:field|property|column|resource) )?';
const RENAME_IN = new RegExp(`^rename (?:the )?(.+?) ${NAME_WORDS}(?:to|into|as) (.+?) (?:in|on|of|for) ${TARGET}$`);
const RENAME_OF = new RegExp(`^rename (?:the )?(.+?) ${NAME_WORDS}(?:of|on|in) ${TARGET} (?:to|into|as) (.+)$`);
const RENAME = new RegExp(`^rename (?:the )?(.+?) ${NAME_WORDS}(?:to|into|as) (?:the )?(.+)$`);
/** Targets that mean the whole project: "remove books from the API". */
const WHOLE_PROJECT = new Set(['api', 'project', 'app', 'service', 'server', 'everything']);

/** A resource or field name in a rename: "published date" → publishedDate; "books resource" → books. */
function readName(text: string): string | null {
  const words = tokensOf(text).filter((word) => !FIELD_WORDS.has(word) && !RESOURCE_MARKERS.has(word) && word !== 'the');
  return words.length > 0 && words.length <= 3 && words.every((word) => /^[a-z][a-z0-9]*$/.test(word)) ? camelCase(words) : null;
}

/** The words of "rename X to Y", with the resource when the prompt named one ("in books", "of books"). */
function renameWords(command: string): { from: string; to: string; resource?: string } | null {
  const inResource = RENAME_IN.exec(command);
  if (inResource) return { from: inResource[1]!, to: inResource[2]!, resource: inResource[3]! };
  const ofResource = RENAME_OF.exec(command);
  if (ofResource) return { from: ofResource[1]!, to: ofResource[3]!, resource: ofResource[2]! };
  const plain = RENAME.exec(command);
  return plain ? { from: plain[1]!, to: plain[2]! } : null;
}

function readRename(command: string): ChangeIntent | null {
  const words = renameWords(command);
  const from = words && readName(words.from);
  const to = words && readName(words.to);
  if (!words || !from || !to) return null;
  return words.resource === undefined || WHOLE_PROJECT.has(words.resource)
    ? { kind: 'rename', from, to }
    : { kind: 'rename', from, to, resource: words.resource };
}

function readRemoval(command: string): ChangeIntent | null {
  const removeFrom = REMOVE_FROM.exec(command);
  if (removeFrom && !WHOLE_PROJECT.has(removeFrom[2]!)) {
    const fields = readFieldList(removeFrom[1]!);
    return fields ? { kind: 'remove-fields', resource: removeFrom[2]!, fields: fields.map((field) => field.name) } : null;
  }
  const remove = REMOVE_ANY.exec(command);
  if (!remove) return null;
  // "delete the phone field": of whichever resource has it.
  const named = tokensOf(remove[1]!);
  if (!removeFrom && named.some((word) => FIELD_WORDS.has(word))) {
    const fields = readFieldList(remove[1]!);
    return fields ? { kind: 'remove-fields', fields: fields.map((field) => field.name) } : null;
  }
  const list = readResourceList(removeFrom ? removeFrom[1]! : remove[1]!);
  if (!list || list.unsupported.length > 0) return null;
  if (list.resources.length === 0) return { kind: 'remove-features', features: list.features };
  return list.features.length === 0 ? { kind: 'remove-resources', resources: list.resources } : null;
}

function additionOf(list: ListReading): ChangeIntent {
  return list.resources.length === 0
    ? { kind: 'add-features', features: list.features, unsupported: list.unsupported }
    : { kind: 'add-resources', ...list };
}

function readAddition(command: string): ChangeIntent | null {
  const addTo = ADD_TO.exec(command);
  if (addTo && !WHOLE_PROJECT.has(addTo[2]!)) {
    const what = addTo[1]!;
    const target = addTo[2]!;
    // Features apply to the whole API: "add pagination to the list routes" adds pagination.
    const features = readFeatureList(what);
    if (features) return additionOf(features);
    if (namesResources(what)) {
      const list = readResourceList(what);
      return list && list.resources.length > 0 ? { kind: 'add-resources', ...list, relatedTo: target } : null;
    }
    const fields = readFieldList(what);
    return fields ? { kind: 'add-fields', resource: target, fields } : null;
  }
  const addWith = ADD_WITH.exec(command);
  if (addWith) {
    const list = readResourceList(addWith[1]!);
    const fields = readFieldList(addWith[2]!);
    return list && list.resources.length === 1 && list.features.length === 0 && fields ? { kind: 'add-resources', ...list, fields } : null;
  }
  const add = ADD_ANY.exec(command);
  if (!add) return null;
  const list = readResourceList(addTo ? addTo[1]! : add[1]!);
  return list ? additionOf(list) : null;
}

/** Words a command may wrap features in: "secure it with JWT", "paginate the list endpoints", "make the lists filterable". */
const AROUND_FEATURES = new Set([
  'secure', 'protect', 'make', 'it', 'them', 'everything', 'the', 'a', 'an', 'all', 'every', 'each', 'list', 'lists',
  'endpoint', 'endpoints', 'route', 'routes', 'api', 'with', 'using', 'behind', 'by', 'be', 'should', 'must', 'requests',
  'responses', 'calls', 'get', 'gets', 'results',
]);

/** A command that only switches features on, in other words than "add": "secure it with JWT". */
function readFeatureCommand(command: string): ChangeIntent | null {
  const tokens = tokensOf(command);
  for (let at = 0; at < tokens.length; at++) {
    const phrase = featurePhraseAt(tokens, at);
    if (phrase) at += phrase.length - 1;
    else if (!AROUND_FEATURES.has(tokens[at]!) && tokens[at] !== ',' && tokens[at] !== 'and') return null;
  }
  const features = featuresNamedIn(tokens);
  return features.length > 0 ? { kind: 'add-features', features, unsupported: [] } : null;
}

export function understandChangePrompt(prompt: string): ChangeIntent | null {
  const command = commandClause(prompt);
  if (!command) return null;
  if (command.startsWith('rename ')) return readRename(command);
  const relation = readRelationCommand(tokensOf(command));
  if (relation) return { kind: 'add-relation', relation };
  return readRemoval(command) ?? readAddition(command) ?? readFeatureCommand(command);
}
