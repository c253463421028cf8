// One list item of a prompt, read as a resource ("blog posts"), a feature ("JWT auth"), or a field
// ("a required release date", "price as a number"). Pure.
import type { Feature, FieldType } from '../schema/api-schema';
import { featurePhraseAt } from './feature-catalog';
import { camelCase } from '../inflect';
import { CLOSE, COLON, OPEN, type Item, type Token } from './prompt-text';
import { CLAUSE_WORDS, FIELD_WORDS, LIST_TRIGGERS, NOUN, RESOURCE_MARKERS, VERBS } from './prompt-words';
import { isFillerWord, isUnsupportedWord } from './resource-catalog';

export interface FieldRequest {
  name: string;
  required: boolean;
  /** Only when the prompt said it ("price as a number", "rating: integer"); otherwise the name decides. */
  type?: FieldType;
}

export type ItemReading =
  | { kind: 'resource'; word: string }
  | { kind: 'feature'; feature: Feature }
  | { kind: 'unsupported'; text: string }
  | { kind: 'nothing' }
  | { kind: 'unclear' };

/** The feature an item asks for, when its words are one feature phrase and filler. */
function itemFeature(words: string[]): Feature | undefined {
  for (let start = 0; start < words.length; start++) {
    const phrase = featurePhraseAt(words, start);
    if (phrase) return phrase.feature;
  }
  return undefined;
}

/** One list item as a resource: its head noun ("blog posts" → posts), a feature, filler, or unclear. */
export function readResourceItem(item: Item): ItemReading {
  const words = item.filter((word) => !isFillerWord(word));
  if (words.length === 0) return { kind: 'nothing' };
  const feature = itemFeature(words);
  if (feature) return { kind: 'feature', feature };
  // "price field" is a field; "properties" alone is a resource.
  const fieldWord = words.length > 1 && words.some((word) => FIELD_WORDS.has(word));
  if (words.length > 2 || fieldWord || words.some((word) => VERBS.has(word) || CLAUSE_WORDS.has(word))) {
    return { kind: 'unclear' };
  }
  if (words.some(isUnsupportedWord)) return { kind: 'unsupported', text: words.join(' ') };
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
  ['flag', 'boolean'],
  ['date', 'date'],
  ['datetime', 'datetime'],
  ['timestamp', 'datetime'],
]);

/** Words that may follow a field's type: "price: number, required". */
const AFTER_A_TYPE = new Set([',', '&', 'and', 'or', 'plus', CLOSE, OPEN, 'required', 'mandatory', 'optional']);

/** Whether the colon at `at` gives the type of the field before it: "price: number", not "Recipes: title". */
export function typeFollows(tokens: readonly Token[], at: number): boolean {
  const after = tokens[at + 2];
  return tokens[at] === COLON && TYPE_WORDS.has(tokens[at + 1] ?? '') && (after === undefined || AFTER_A_TYPE.has(after));
}

/** Words that turn an item into a sentence; "in" and "on" stay allowed for names like inStock. */
const NOT_IN_FIELD_NAMES = new Set([
  'to', 'for', 'from', 'by', 'that', 'which', 'where', 'who', 'when', 'so', 'if', 'but', 'should',
  'must', 'will', 'can',
]);

const DROPPED_FROM_FIELDS = new Set(['a', 'an', 'the', 'new', 'optional', 'required', 'mandatory', 'following', 'these', 'those']);

/** Words before "number" that make it an identifier, kept as text: "plate number", "phone number". */
const NUMBERED_THINGS = new Set([
  'plate', 'license', 'licence', 'phone', 'mobile', 'insurance', 'order', 'tracking', 'serial', 'account', 'room',
  'seat', 'reference', 'invoice', 'card', 'passport', 'house', 'street', 'version', 'model', 'part', 'registration',
  'policy', 'member', 'membership', 'table', 'flight', 'case', 'ticket', 'vat', 'tax', 'security', 'contact',
  'routing', 'batch', 'lot', 'unit', 'apartment', 'badge', 'employee', 'student', 'customer', 'id', 'isbn',
]);

/**
 * Whether the last word of a field item is its type ("a priority number", "an isAdmin flag", "a
 * watered at timestamp") rather than part of its name ("release date", "plate number").
 */
function endsWithType(words: readonly string[]): boolean {
  const last = words.at(-1)!;
  if (words.length < 2 || !TYPE_WORDS.has(last) || last === 'date') return false;
  return last !== 'number' || !NUMBERED_THINGS.has(words.at(-2)!);
}

/** An item that only says "fields" ("the following fields"): nothing to read, and nothing to quote back. */
export function namesNoField(item: Item): boolean {
  return item.every((word) => DROPPED_FROM_FIELDS.has(word) || FIELD_WORDS.has(word) || word === 'other' || word === 'some');
}

/**
 * One list item as a field: "a required release date" → releaseDate, required; "price as a number"
 * and "price: number" → price, typed number; "an isAdmin flag" → isAdmin, boolean.
 */
export function readFieldItem(item: Item): FieldRequest | null {
  const required = item.includes('required') || item.includes('mandatory');
  let words = item.filter((word) => !DROPPED_FROM_FIELDS.has(word) && !FIELD_WORDS.has(word));
  let type: FieldType | undefined;
  const hintAt = words.findIndex((word) => word === 'as' || word === 'type' || word === COLON);
  if (hintAt !== -1) {
    const hint = words.slice(hintAt + 1);
    type = hint.length === 1 ? TYPE_WORDS.get(hint[0]!) : undefined;
    if (!type) return null;
    words = words.slice(0, words[hintAt - 1] === 'of' ? hintAt - 1 : hintAt);
  } else if (endsWithType(words)) {
    type = TYPE_WORDS.get(words.pop()!);
  }
  if (words.length === 0 || words.length > 3) return null;
  // One word alone is a name whatever else it can be: "make" and "model" of cars.
  const notPartOfAName = (word: string) =>
    !/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/.test(word) ||
    NOT_IN_FIELD_NAMES.has(word) ||
    (words.length > 1 && (VERBS.has(word) || LIST_TRIGGERS.has(word) || RESOURCE_MARKERS.has(word)));
  if (words.some(notPartOfAName)) return null;
  const name = camelCase(words);
  return type ? { name, required, type } : { name, required };
}
