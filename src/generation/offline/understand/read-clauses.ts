// The first pass over a first prompt (see understand-create-prompt.ts): every noun the prompt uses
// as a resource (in lists, as the subject of "with", "has" or "belongs to"), the lists said of each
// one, the relations it states outright, and "X for Y" pairs that are relations if both turn out to
// be resources. Whether a listed item is a field or a relation is left to the second pass. Pure.
import { isFeaturePhraseWord } from './feature-catalog';
import { looksPlural } from '../inflect';
import type { RelationRequest } from './prompt-intents';
import { itemsBetween, type Item, type Token } from './prompt-text';
import {
  CLAUSE_WORDS, DETERMINERS, FIELD_TRIGGERS, FIELD_WORDS, HEAD_WORDS, LIST_TRIGGERS, MODALS, NOUN, PRONOUNS, RESOURCE_MARKERS, VERBS,
} from './prompt-words';
import { readResourceItem } from './read-list-items';
import { belongsToAt, HAVE, nounAfter, subjectBefore, type WordAt } from './read-relations';
import { domainResources, isFillerWord, isKnownResource, isUnsupportedWord } from './resource-catalog';

/** A noun used as a resource, and where: resources are listed in the order the prompt names them. */
export interface Mention {
  word: string;
  at: number;
}

/** Items said of one resource: "books with title and price", "each book has an author". */
interface ItemsOf {
  subject: string;
  items: Item[];
  said: 'with' | 'have';
}

export interface FirstPass {
  mentions: Mention[];
  itemLists: ItemsOf[];
  relations: RelationRequest[];
  /** "reviews for books": a relation if both turn out to be resources. */
  prepositionPairs: RelationRequest[];
  /** What "for a bookstore" names when it names no resources. */
  domainWords?: string[];
}

const RELATION_PREPOSITIONS = new Set(['for', 'of', 'on', 'in']);

/** Whether a word could name a resource at all: a noun that is not filler, a feature or a pronoun. */
function canNameResource(word: string): boolean {
  return (
    NOUN.test(word) &&
    ![isFillerWord, isFeaturePhraseWord, isUnsupportedWord].some((test) => test(word)) &&
    domainResources(word) === undefined &&
    ![HEAD_WORDS, PRONOUNS, VERBS, CLAUSE_WORDS, LIST_TRIGGERS, FIELD_WORDS, RESOURCE_MARKERS].some((words) => words.has(word))
  );
}

/** "books" in "books with title": a clear resource noun. "a bookstore with" lists resources instead. */
function isClearResource(word: string | undefined): word is string {
  return word !== undefined && canNameResource(word) && (isKnownResource(word) || looksPlural(word));
}

/** Clause words that may also start a field name: "in stock", "on sale". */
const FIELD_NAME_STARTS = new Set(['in', 'on']);

/**
 * Where the list starting at `start` ends: at the next trigger or clause word. In a list of fields,
 * "in" and "on" start a name ("in stock", "on sale") unless a resource follows ("comments on posts").
 */
function listEnd(tokens: readonly Token[], start: number, ofFields = false): number {
  const endsList = (token: string) => LIST_TRIGGERS.has(token) || CLAUSE_WORDS.has(token);
  const startsFieldName = (at: number) => ofFields && FIELD_NAME_STARTS.has(tokens[at]!) && !isClearResource(tokens[at + 1]);
  let end = start;
  while (end < tokens.length && (!endsList(tokens[end]!) || startsFieldName(end))) end++;
  return end;
}

/** Words that follow the subject of a new statement: "..., and authors have", "and authors with". */
const TAKES_A_SUBJECT = new Set([...FIELD_TRIGGERS, ...HAVE, ...MODALS, 'belong', 'belongs']);

/**
 * The items of a list said of a resource, without a last item that is the subject of the next
 * statement: in "books with title and price, and authors with name", authors are not a book field.
 */
function itemsSaidOf(tokens: readonly Token[], start: number): Array<{ item: Item; at: number }> {
  const end = listEnd(tokens, start, true);
  const items = itemsBetween(tokens, start, end);
  if (TAKES_A_SUBJECT.has(tokens[end] ?? '') && isClearResource(tokens[end - 1])) items.pop();
  return items;
}

/** The resource a head word is said of: books in "a books API". */
function modifiedResource(tokens: readonly Token[], headAt: number): WordAt | undefined {
  const modified = tokens[headAt - 1];
  return HEAD_WORDS.has(tokens[headAt] ?? '') && isClearResource(modified) ? { word: modified, at: headAt - 1 } : undefined;
}

/**
 * The resource whose fields a "with" list gives: "books with title and price", or "a users API with
 * email and age", where the list names no resources ("a books API with authors" lists resources).
 */
function fieldListSubject(tokens: readonly Token[], withAt: number, items: Array<{ item: Item }>): WordAt | undefined {
  const before = tokens[withAt - 1];
  if (isClearResource(before)) return { word: before, at: withAt - 1 };
  const namesResources = items.some(({ item }) => {
    const reading = readResourceItem(item);
    return reading.kind === 'resource' && isClearResource(reading.word);
  });
  return namesResources ? undefined : modifiedResource(tokens, withAt - 1);
}

/** Reads one clause's phrases into the first pass. `mention` records a resource noun at a clause position. */
interface ClauseReader {
  tokens: readonly Token[];
  pass: FirstPass;
  mention: (word: string, at: number) => void;
}

/** "books belong to authors": both are resources, related. */
function readBelongsTo({ tokens, pass, mention }: ClauseReader, at: number): void {
  const belongs = belongsToAt(tokens, at);
  if (!belongs || !canNameResource(belongs.child) || !canNameResource(belongs.parent)) return;
  mention(belongs.child, belongs.childAt);
  mention(belongs.parent, belongs.parentAt);
  pass.relations.push({ child: belongs.child, parent: belongs.parent });
}

/** "each book has a title and an author": the items are read in the second pass. */
function readHave({ tokens, pass, mention }: ClauseReader, at: number): void {
  const subject = subjectBefore(tokens, at);
  if (!subject || !canNameResource(subject.word)) return;
  const determined = DETERMINERS.has(tokens[subject.at - 1] ?? '');
  if (!determined && !isClearResource(subject.word)) return;
  mention(subject.word, subject.at);
  pass.itemLists.push({ subject: subject.word, items: itemsSaidOf(tokens, at + 1).map(({ item }) => item), said: 'have' });
}

/** "reviews for books", "comments on posts": kept until it is known whether both are resources. */
function readPreposition({ tokens, pass }: ClauseReader, at: number): void {
  const child = tokens[at - 1];
  const parent = nounAfter(tokens, at);
  if (child !== undefined && parent) pass.prepositionPairs.push({ child, parent: parent.word });
}

/** A list after a trigger: the fields of the resource before "with", or resources ("an API with authors and books"). */
function readList({ tokens, pass, mention }: ClauseReader, at: number): void {
  const trigger = tokens[at]!;
  const subject = FIELD_TRIGGERS.has(trigger) ? fieldListSubject(tokens, at, itemsSaidOf(tokens, at + 1)) : undefined;
  if (subject) {
    mention(subject.word, subject.at);
    const items = itemsSaidOf(tokens, at + 1);
    // "users with name and posts": a known collection among the fields is a resource of its own.
    for (const { item, at: itemAt } of items) {
      const reading = readResourceItem(item);
      if (reading.kind === 'resource' && isKnownResource(reading.word) && looksPlural(reading.word)) mention(reading.word, itemAt);
    }
    pass.itemLists.push({ subject: subject.word, items: items.map(({ item }) => item), said: 'with' });
    return;
  }
  // "A books API with authors and reviews": books are a resource too.
  const modified = trigger === 'with' ? modifiedResource(tokens, at - 1) : undefined;
  if (modified) mention(modified.word, modified.at);
  for (const { item, at: itemAt } of itemsBetween(tokens, at + 1, listEnd(tokens, at + 1))) {
    const reading = readResourceItem(item);
    if (reading.kind !== 'resource') continue;
    // After "for", only clear nouns are resources: "for books" is, "for a bookstore" names the domain.
    if (trigger === 'for' && !isClearResource(reading.word)) pass.domainWords ??= item.filter((word) => !isFillerWord(word));
    else if (canNameResource(reading.word)) mention(reading.word, itemAt);
  }
}

function readClause(tokens: readonly Token[], offset: number, pass: FirstPass): void {
  const reader: ClauseReader = { tokens, pass, mention: (word, at) => pass.mentions.push({ word, at: offset + at }) };
  tokens.forEach((token, at) => {
    readBelongsTo(reader, at);
    if (HAVE.has(token)) readHave(reader, at);
    if (RELATION_PREPOSITIONS.has(token)) readPreposition(reader, at);
    if (LIST_TRIGGERS.has(token) || token === 'for') readList(reader, at);
  });
}

/** Reads every clause, numbering token positions across the whole prompt so mentions keep prompt order. */
export function readClauses(clauses: readonly Token[][]): FirstPass {
  const pass: FirstPass = { mentions: [], itemLists: [], relations: [], prepositionPairs: [] };
  let offset = 0;
  for (const clause of clauses) {
    readClause(clause, offset, pass);
    offset += clause.length;
  }
  return pass;
}
