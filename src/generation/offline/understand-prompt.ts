// Reads a prompt into an intent the offline generator can act on. Pure and deliberately narrow: it
// understands the handful of phrasings listed in capabilities.ts, and answers null for anything
// else, so the generator says "I don't understand" instead of building something made up.
import type { FieldType } from './api-model';
import { camelCase, capitalize, looksPlural } from './inflect';
import { domainResources, isFeatureWord, isFillerWord, isKnownResource } from './resource-catalog';

export interface FieldRequest {
  name: string;
  required: boolean;
  /** Only when the prompt said it ("price as a number", "rating: integer"); otherwise the name decides. */
  type?: FieldType;
}

/** What a first prompt asks for. Resource words are lower-case nouns as written (book or books). */
export interface CreateIntent {
  title: string;
  resources: string[];
  /** Features the prompt asked for that the offline generator does not build (auth, a database...). */
  ignored: string[];
  /** Set when the prompt named no resources and they came from its domain ("a blog API"). */
  impliedBy?: string;
}

/** What a follow-up prompt asks to change. Resource words are nouns as written. */
export type ChangeIntent =
  | { kind: 'add-resources'; resources: string[]; fields?: FieldRequest[]; relatedTo?: string; ignored: string[] }
  | { kind: 'remove-resources'; resources: string[] }
  | { kind: 'add-fields'; resource: string; fields: FieldRequest[] }
  | { kind: 'remove-fields'; resource: string; fields: string[] };

type Token = string;
type Item = string[];

const LIST_SEPARATORS = new Set([',', '&', 'and', 'or', 'plus']);
/** Words after which a first prompt lists its resources: "with authors and books". */
const LIST_TRIGGERS = new Set([
  'with',
  'managing',
  'manage',
  'manages',
  'track',
  'tracks',
  'tracking',
  'handling',
  'handles',
  'storing',
  'stores',
  'containing',
  'including',
  'includes',
  'featuring',
]);
/** Words that end a list: they start another clause. */
const CLAUSE_WORDS = new Set([
  'for',
  'that',
  'which',
  'where',
  'who',
  'whose',
  'when',
  'using',
  'use',
  'uses',
  'in',
  'on',
  'at',
  'backed',
  'built',
  'written',
  'via',
  'so',
  'to',
  'by',
  'from',
  'if',
  'but',
  'without',
  'should',
  'must',
  'will',
  'can',
  'is',
  'are',
  'be',
  'has',
  'have',
  'having',
  'each',
  'every',
]);
/** Verbs: an "item" holding one is a clause the generator did not follow, not a noun. */
const VERBS = new Set([
  'add', 'create', 'remove', 'delete', 'drop', 'rename', 'change', 'make', 'build', 'write',
  'update', 'replace', 'move', 'generate', 'need', 'want', 'give', 'let', 'please',
]);
const FIELD_WORDS = new Set(['field', 'fields', 'property', 'properties', 'column', 'columns', 'attribute', 'attributes']);
const RESOURCE_MARKERS = new Set(['resource', 'resources', 'endpoint', 'endpoints', 'model', 'entity', 'table', 'collection', 'routes']);
/** Words that follow a resource used as a modifier: "a todo API", "a book store", "a movie database". */
const HEAD_WORDS = new Set([
  'api', 'app', 'database', 'tracker', 'manager', 'list', 'service', 'backend', 'system', 'catalog',
  'catalogue', 'platform', 'store', 'shop',
]);
const NOUN = /^[a-z]{2,30}$/;
/** Words that turn an item into a sentence; "in" and "on" stay allowed for names like inStock. */
const NOT_IN_FIELD_NAMES = new Set([
  'to', 'for', 'from', 'by', 'that', 'which', 'where', 'who', 'when', 'so', 'if', 'but', 'should',
  'must', 'will', 'can',
]);

function normalize(prompt: string): string {
  return prompt
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/([a-z])-([a-z])/g, '$1$2') // to-do → todo, e-commerce → ecommerce
    .replace(/\bas well as\b/g, ',')
    .replace(/[^a-z0-9,&.;!?\n]+/g, ' ');
}

function clausesOf(text: string): Token[][] {
  return text
    .split(/[.;!?\n]+/)
    .map((clause) => clause.match(/[a-z0-9]+|[,&]/g) ?? [])
    .filter((tokens) => tokens.length > 0);
}

/** Splits tokens into items at list separators. */
function splitItems(tokens: Token[]): Item[] {
  const items: Item[] = [[]];
  for (const token of tokens) {
    if (LIST_SEPARATORS.has(token)) items.push([]);
    else items.at(-1)!.push(token);
  }
  return items.filter((item) => item.length > 0);
}

type ItemReading = { kind: 'resource'; word: string } | { kind: 'feature'; text: string } | { kind: 'nothing' } | { kind: 'unclear' };

/** One list item as a resource: its head noun ("blog posts" → posts), a feature, filler, or unclear. */
function readResourceItem(item: Item): ItemReading {
  const words = item.filter((word) => !isFillerWord(word));
  if (words.length === 0) return { kind: 'nothing' };
  if (words.length > 2 || words.some((word) => VERBS.has(word) || FIELD_WORDS.has(word) || CLAUSE_WORDS.has(word))) {
    return { kind: 'unclear' };
  }
  if (words.some(isFeatureWord)) return { kind: 'feature', text: words.join(' ') };
  const head = words.at(-1)!;
  return NOUN.test(head) ? { kind: 'resource', word: head } : { kind: 'unclear' };
}

/** Type names a prompt may give a field. */
const TYPE_WORDS = new Map<string, FieldType>([
  ['string', 'string'],
  ['text', 'string'],
  ['number', 'number'],
  ['integer', 'number'],
  ['int', 'number'],
  ['float', 'number'],
  ['decimal', 'number'],
  ['boolean', 'boolean'],
  ['bool', 'boolean'],
  ['date', 'date'],
  ['datetime', 'datetime'],
  ['timestamp', 'datetime'],
]);

/**
 * One list item as a field: "a required release date" → releaseDate, required; "price as a number"
 * and "price: number" → price, typed number.
 */
function readFieldItem(item: Item): FieldRequest | null {
  const required = item.includes('required') || item.includes('mandatory');
  let words = item.filter((word) => !['a', 'an', 'the', 'new', 'optional', 'required', 'mandatory'].includes(word) && !FIELD_WORDS.has(word));
  let type: FieldType | undefined;
  const hintAt = words.findIndex((word) => word === 'as' || word === 'type');
  if (hintAt !== -1) {
    const hint = words.slice(hintAt + 1);
    type = hint.length === 1 ? TYPE_WORDS.get(hint[0]!) : undefined;
    if (!type) return null;
    words = words.slice(0, words[hintAt - 1] === 'of' ? hintAt - 1 : hintAt);
  } else if (words.length > 1 && words.at(-1) !== 'date' && TYPE_WORDS.has(words.at(-1)!)) {
    // A trailing type word ("price number", from "price: number"); "release date" is a name, though.
    type = TYPE_WORDS.get(words.pop()!);
  }
  if (words.length === 0 || words.length > 3) return null;
  const notPartOfAName = (word: string) =>
    !/^[a-z][a-z0-9]*$/.test(word) || VERBS.has(word) || LIST_TRIGGERS.has(word) || RESOURCE_MARKERS.has(word) || NOT_IN_FIELD_NAMES.has(word);
  if (words.some(notPartOfAName)) return null;
  const name = camelCase(words);
  return type ? { name, required, type } : { name, required };
}

function titleCase(words: string[]): string {
  return words.map(capitalize).join(' ');
}

/** "Bookstore API" from "for a bookstore", else "Movie Database API" from "a movie database API", else from the resources. */
function apiTitle(domainWords: string[] | undefined, tokens: Token[], resources: string[]): string {
  if (domainWords) return `${titleCase(domainWords)} API`;
  const apiAt = tokens.indexOf('api');
  const before: string[] = [];
  for (let index = apiAt - 1; index >= 0 && before.length < 3; index--) {
    const word = tokens[index]!;
    if (isFillerWord(word) && !['a', 'an', 'the', 'my', 'our'].includes(word)) continue;
    if (!NOUN.test(word) || isFillerWord(word) || VERBS.has(word) || CLAUSE_WORDS.has(word) || LIST_TRIGGERS.has(word) || word === 'me') break;
    before.unshift(word);
  }
  if (apiAt > 0 && before.length > 0) return `${titleCase(before)} API`;
  const names = resources.map(capitalize);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return `${listed} API`;
}

/**
 * Resources named in lists: "with authors and books", "for managing tasks", "for books". Also the
 * domain, when "for" names one rather than resources ("for a bookstore").
 */
function listedResources(clauses: Token[][]): { resources: string[]; domainWords?: string[] } {
  const resources: string[] = [];
  let domainWords: string[] | undefined;
  for (const tokens of clauses) {
    tokens.forEach((trigger, start) => {
      if (!LIST_TRIGGERS.has(trigger) && trigger !== 'for') return;
      let end = start + 1;
      while (end < tokens.length && !LIST_TRIGGERS.has(tokens[end]!) && !CLAUSE_WORDS.has(tokens[end]!)) end++;
      const items = splitItems(tokens.slice(start + 1, end));
      // "with title and author fields" describes fields, which a first prompt does not shape.
      if (items.some((item) => item.some((word) => FIELD_WORDS.has(word)))) return;
      for (const item of items) {
        const reading = readResourceItem(item);
        if (reading.kind !== 'resource') continue;
        // After "for", only clear nouns are resources: "for books" is, "for a bookstore" names the domain.
        if (trigger !== 'for' || isKnownResource(reading.word) || looksPlural(reading.word)) resources.push(reading.word);
        else domainWords ??= item.filter((word) => !isFillerWord(word));
      }
    });
  }
  return { resources, domainWords };
}

/** Known resources mentioned outside lists: "a todo API", "a movie database", "users can post notes". */
function mentionedResources(tokens: Token[]): string[] {
  return tokens.filter((word, index) => isKnownResource(word) && (looksPlural(word) || HEAD_WORDS.has(tokens[index + 1] ?? '')));
}

/**
 * A first prompt: "A REST API for a bookstore with authors and books". Null when no resources can
 * be found in it.
 */
export function understandCreatePrompt(prompt: string): CreateIntent | null {
  const clauses = clausesOf(normalize(prompt));
  const tokens = clauses.flat();
  // Features are reported wherever they were asked for ("... Add pagination and use Postgres."),
  // except right after a resource, where they name the domain: "a movie database".
  const ignored = [...new Set(tokens.filter((word, index) => isFeatureWord(word) && !isKnownResource(tokens[index - 1] ?? '')))];
  const listed = listedResources(clauses);
  const resources = listed.resources.length > 0 ? listed.resources : mentionedResources(tokens);
  if (resources.length > 0) return { title: apiTitle(listed.domainWords, tokens, resources), resources, ignored };
  const domain = tokens.find((word) => domainResources(word) !== undefined);
  if (!domain) return null;
  const implied = domainResources(domain)!;
  return { title: apiTitle(listed.domainWords ?? [domain], tokens, implied), resources: implied, ignored, impliedBy: domain };
}

/** Drops the politeness around a command: "Please also add reviews, thanks!" → "add reviews". */
function commandClause(prompt: string): string | null {
  const clauses = normalize(prompt)
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

function tokensOf(text: string): Token[] {
  return text.match(/[a-z0-9]+|[,&]/g) ?? [];
}

function readResourceList(text: string): { resources: string[]; ignored: string[] } | null {
  const resources: string[] = [];
  const ignored: string[] = [];
  for (const item of splitItems(tokensOf(text))) {
    const reading = readResourceItem(item);
    if (reading.kind === 'unclear') return null;
    if (reading.kind === 'feature') ignored.push(reading.text);
    if (reading.kind === 'resource') resources.push(reading.word);
  }
  return resources.length + ignored.length > 0 ? { resources, ignored } : null;
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
    // "add reviews to books" adds a collection; "add an author to books" adds a field.
    const reading = readResourceItem(item);
    return reading.kind === 'resource' && isKnownResource(reading.word) && looksPlural(reading.word) && !['a', 'an'].includes(item[0]!);
  });
}

const REMOVE = '(?:remove|delete|drop|get rid of)';
const ADD = '(?:add|include|introduce|create|support)';
const TARGET = '(?:the |each |every |all )?([a-z]+)(?: (?:resource|model|entity|endpoints?|routes?))?';
const REMOVE_FROM = new RegExp(`^${REMOVE} (.+) from ${TARGET}$`);
const REMOVE_RESOURCES = new RegExp(`^${REMOVE} (.+)$`);
const ADD_TO = new RegExp(`^${ADD} (.+?) (?:to|on|for|in) ${TARGET}$`);
const ADD_WITH = new RegExp(`^${ADD} (.+?) with (.+)$`);
const ADD_RESOURCES = new RegExp(`^${ADD} (.+)$`);
/** Targets that mean the whole project: "remove books from the API". */
const WHOLE_PROJECT = new Set(['api', 'project', 'app', 'service', 'server']);

/**
 * A follow-up prompt: add or remove resources, add or remove fields. Null for anything else.
 */
export function understandChangePrompt(prompt: string): ChangeIntent | null {
  const command = commandClause(prompt);
  if (!command) return null;

  const removeFrom = REMOVE_FROM.exec(command);
  if (removeFrom && !WHOLE_PROJECT.has(removeFrom[2]!)) {
    const fields = readFieldList(removeFrom[1]!);
    return fields ? { kind: 'remove-fields', resource: removeFrom[2]!, fields: fields.map((field) => field.name) } : null;
  }
  const remove = REMOVE_RESOURCES.exec(command);
  if (remove) {
    const list = readResourceList(removeFrom ? removeFrom[1]! : remove[1]!);
    return list && list.ignored.length === 0 ? { kind: 'remove-resources', resources: list.resources } : null;
  }

  const addTo = ADD_TO.exec(command);
  if (addTo && !WHOLE_PROJECT.has(addTo[2]!)) {
    const what = addTo[1]!;
    const target = addTo[2]!;
    if (namesResources(what)) {
      const list = readResourceList(what);
      return list ? { kind: 'add-resources', ...list, relatedTo: target } : null;
    }
    const fields = readFieldList(what);
    return fields ? { kind: 'add-fields', resource: target, fields } : null;
  }
  const addWith = ADD_WITH.exec(command);
  if (addWith) {
    const list = readResourceList(addWith[1]!);
    const fields = readFieldList(addWith[2]!);
    return list && list.resources.length === 1 && fields ? { kind: 'add-resources', ...list, fields } : null;
  }
  const add = ADD_RESOURCES.exec(command);
  if (add) {
    const list = readResourceList(addTo ? addTo[1]! : add[1]!);
    return list ? { kind: 'add-resources', ...list } : null;
  }
  return null;
}
