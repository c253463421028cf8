// One list item of a prompt, read as a resource ("blog posts"), a feature ("JWT auth"), or a field
// ("a required release date", "price as a number"). Pure.
import type { Feature, FieldType } from '../schema/api-schema';
import { featurePhraseAt } from './feature-catalog';
import { camelCase } from '../inflect';
import type { Item } from './prompt-text';
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
  if (words.length > 2 || words.some((word) => VERBS.has(word) || FIELD_WORDS.has(word) || CLAUSE_WORDS.has(word))) {
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

/** Words that turn an item into a sentence; "in" and "on" stay allowed for names like inStock. */
const NOT_IN_FIELD_NAMES = new Set([
  'to', 'for', 'from', 'by', 'that', 'which', 'where', 'who', 'when', 'so', 'if', 'but', 'should',
  'must', 'will', 'can',
]);

const DROPPED_FROM_FIELDS = new Set(['a', 'an', 'the', 'new', 'optional', 'required', 'mandatory']);

/**
 * One list item as a field: "a required release date" → releaseDate, required; "price as a number"
 * and "price: number" → price, typed number; "an isAdmin flag" → isAdmin, boolean.
 */
export function readFieldItem(item: Item): FieldRequest | null {
  const required = item.includes('required') || item.includes('mandatory');
  let words = item.filter((word) => !DROPPED_FROM_FIELDS.has(word) && !FIELD_WORDS.has(word));
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
    !/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/.test(word) || VERBS.has(word) || LIST_TRIGGERS.has(word) || RESOURCE_MARKERS.has(word) || NOT_IN_FIELD_NAMES.has(word);
  if (words.some(notPartOfAName)) return null;
  const name = camelCase(words);
  return type ? { name, required, type } : { name, required };
}
