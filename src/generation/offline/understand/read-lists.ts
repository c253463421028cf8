// The lists of a first prompt, for the first pass (read-clauses.ts): after "with" and the other list
// triggers, after a colon, in brackets, and clauses that are nothing but a list ("Posts, comments and
// tags."). A list names resources, or the fields of the resource before it: "books with title and
// price", "Books: title, isbn", "books (title, isbn)". Pure.
import { looksPlural } from '../inflect';
import { CLOSE, COLON, LIST_SEPARATORS, OPEN, closingBracket, itemsBetween, type Item, type Token } from './prompt-text';
import {
  CLAUSE_WORDS, COLON_LABELS, DETERMINERS, FIELD_TRIGGERS, FIELD_WORDS, HEAD_WORDS, LIST_TRIGGERS, MODALS, NOUN, RESOURCE_MARKERS,
} from './prompt-words';
import { readResourceItem, typeFollows } from './read-list-items';
import { HAVE, type WordAt } from './read-relations';
import { isFillerWord, isKnownResource } from './resource-catalog';
import { canNameResource, isClearResource, startsClause } from './resource-nouns';
import type { ClauseReader } from './clause-pass';


/** Clause words that may also start a field name: "in stock", "on sale". */
const FIELD_NAME_STARTS = new Set(['in', 'on']);

/** Whether the word at `at` stands alone between list separators: "tracks" in "artists, albums, tracks". */
function isListEntry(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  return LIST_SEPARATORS.has(tokens[at - 1] ?? '') && (next === undefined || next === CLOSE || next === OPEN || LIST_SEPARATORS.has(next));
}

/** A list trigger that starts a list, not a noun in one ("albums and tracks"). */
export function isTriggerAt(tokens: readonly Token[], at: number): boolean {
  return LIST_TRIGGERS.has(tokens[at]!) && !isListEntry(tokens, at);
}

/** Whether the word at `at` plainly names a resource where it stands: "tracks" does in "albums, tracks (title)". */
function isResourceAt(tokens: readonly Token[], at: number): boolean {
  return at >= 0 && isClearResource(tokens[at], isTriggerAt(tokens, at) ? 'anywhere' : 'noun-position');
}

/** "sent at", "starts at": "at" that ends a field's name, not one that starts a phrase ("events at venues"). */
function endsFieldName(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  return tokens[at] === 'at' && !LIST_SEPARATORS.has(tokens[at - 1] ?? ',') && (next === undefined || next === CLOSE || LIST_SEPARATORS.has(next));
}

/** A colon that types the field before it ("price: number"), not one that starts a list ("Events: date, location"). */
function isTypeColon(tokens: readonly Token[], at: number): boolean {
  return typeFollows(tokens, at) && !startsClause(tokens, at - 1);
}

/**
 * Whether the token at `at` ends a list: a trigger, a clause word, a colon or a closing bracket. In a
 * list of fields, "in" and "on" start a name ("in stock", "on sale") unless a resource follows
 * ("comments on posts"), and a bracket after a resource opens that resource's own list
 * ("recipes with ingredients (name, quantity)"); any other bracket is skipped as a remark.
 */
function endsList(tokens: readonly Token[], at: number, ofFields: boolean): boolean {
  const token = tokens[at]!;
  if (token === CLOSE) return true;
  if (token === COLON) return !isTypeColon(tokens, at);
  if (token === OPEN) return ofFields && isResourceAt(tokens, at - 1);
  if (ofFields && FIELD_NAME_STARTS.has(token) && !isClearResource(tokens[at + 1])) return false;
  if (ofFields && endsFieldName(tokens, at)) return false;
  return isTriggerAt(tokens, at) || CLAUSE_WORDS.has(token);
}

/** Where the list starting at `start` ends. Brackets inside it belong to its items. */
function listEnd(tokens: readonly Token[], start: number, ofFields = false): number {
  let end = start;
  while (end < tokens.length && !endsList(tokens, end, ofFields)) end = tokens[end] === OPEN ? closingBracket(tokens, end) + 1 : end + 1;
  return Math.min(end, tokens.length);
}

/** Words that follow the subject of a new statement: "..., and authors have", "and authors with", "authors: name". */
const TAKES_A_SUBJECT = new Set([...FIELD_TRIGGERS, ...HAVE, ...MODALS, 'belong', 'belongs', OPEN, COLON]);

/**
 * The items of a list said of a resource, without a last item that is the subject of the next
 * statement: in "books with title and price, and authors with name", authors are not a book field.
 */
export function itemsSaidOf(tokens: readonly Token[], start: number): Array<{ item: Item; at: number }> {
  const end = listEnd(tokens, start, true);
  const items = itemsBetween(tokens, start, end);
  if (TAKES_A_SUBJECT.has(tokens[end] ?? '') && isResourceAt(tokens, end - 1)) items.pop();
  return items;
}

/**
 * The resource a head word is said of: books in "a books API", todos in "a todo API". After another
 * noun it must be a collection the catalog knows: "a moving company API" is about no companies.
 */
function modifiedResource(tokens: readonly Token[], headAt: number): WordAt | undefined {
  const modified = tokens[headAt - 1];
  if (!HEAD_WORDS.has(tokens[headAt] ?? '') || !isClearResource(modified)) return undefined;
  const before = tokens[headAt - 2];
  const compound = before !== undefined && NOUN.test(before) && !DETERMINERS.has(before) && !isFillerWord(before);
  return !compound || (isKnownResource(modified) && looksPlural(modified)) ? { word: modified, at: headAt - 1 } : undefined;
}

function namesResources(items: Array<{ item: Item }>): boolean {
  return items.some(({ item }) => {
    const reading = readResourceItem(item);
    return reading.kind === 'resource' && isClearResource(reading.word);
  });
}

/**
 * The resource whose fields a list gives: "books with title and price", "a users API with email and
 * age" where the list names no resources ("a books API with authors" lists resources), "Books: title,
 * isbn". After a colon, a resource that starts the clause is the subject even of resources ("Users:
 * name, posts"); elsewhere a colon before resources lists them ("three parts: users, posts").
 */
function fieldListSubject(tokens: readonly Token[], triggerAt: number, items: Array<{ item: Item }>): WordAt | undefined {
  const before = tokens[triggerAt - 1];
  // "books with the following fields: title, isbn": the fields of the resource said before.
  if (tokens[triggerAt] === COLON && FIELD_WORDS.has(before ?? '')) return lastResourceBefore(tokens, triggerAt - 1);
  // A resource with its own bracket counts, though itemsSaidOf leaves it out: "API: recipes (title), ingredients".
  const listsResources = namesResources(items) || tokens[listEnd(tokens, triggerAt + 1, true)] === OPEN;
  if (before !== undefined && isResourceAt(tokens, triggerAt - 1)) {
    if (tokens[triggerAt] !== COLON) return { word: before, at: triggerAt - 1 };
    if (!COLON_LABELS.has(before) && (startsClause(tokens, triggerAt - 1) || !listsResources)) return { word: before, at: triggerAt - 1 };
  }
  return listsResources ? undefined : modifiedResource(tokens, triggerAt - 1);
}

/** The last clear resource before `at`, not a field word. */
function lastResourceBefore(tokens: readonly Token[], at: number): WordAt | undefined {
  for (let index = at - 1; index >= 0; index--) {
    const word = tokens[index]!;
    if (!FIELD_WORDS.has(word) && isClearResource(word)) return { word, at: index };
  }
  return undefined;
}

/**
 * The fields a list gives `subject`. After "with", a known collection among them is a resource of its
 * own ("users with name and posts"); a bracket or a colon only lists fields ("plays (date, notes)").
 */
function readFieldsOf(reader: ClauseReader, subject: WordAt, listAt: number, items: Array<{ item: Item; at: number }>): void {
  const { tokens, pass, mention } = reader;
  mention(subject.word, subject.at);
  for (const { item, at } of FIELD_TRIGGERS.has(tokens[listAt]!) ? items : []) {
    const reading = readResourceItem(item);
    if (reading.kind === 'resource' && isKnownResource(reading.word) && looksPlural(reading.word)) mention(reading.word, at);
  }
  pass.itemLists.push({ subject: subject.word, items: items.map(({ item }) => item), said: 'with' });
  // "recipes with a title, plus ingredients (name, calories) and tags": the list goes on after the bracket.
  if (tokens[listAt] === OPEN) {
    const close = closingBracket(tokens, listAt);
    if (LIST_SEPARATORS.has(tokens[close + 1] ?? '')) readResourceList(reader, close + 1, 'clear');
  }
}

/**
 * The resources a list names from `start`. `accept` says which nouns count: any noun after "with" or
 * "API:", only clear ones in a bracket or after another word's colon; after "for", a noun that is
 * not clearly a resource names the domain ("for a bookstore").
 */
export function readResourceList({ tokens, pass, mention }: ClauseReader, start: number, accept: 'any' | 'clear' | 'for'): void {
  const end = listEnd(tokens, start);
  const items = itemsBetween(tokens, start, end);
  // "manage my vinyl collection: records, artists": the last item heads the colon's list.
  if (tokens[end] === COLON) items.pop();
  for (const { item, at } of items) {
    const reading = readResourceItem(item);
    if (reading.kind !== 'resource') continue;
    // A list's verb standing as an entry ("albums and tracks") names a resource only as a plural.
    const noun = LIST_TRIGGERS.has(reading.word) ? isClearResource(reading.word, 'noun-position') : canNameResource(reading.word);
    if (accept === 'for' && !isClearResource(reading.word)) pass.domainWords ??= item.filter((word) => !isFillerWord(word));
    else if (noun && (accept !== 'clear' || isClearResource(reading.word, 'noun-position'))) mention(reading.word, at);
  }
}

/** A list after a trigger word or a bracket: the fields of the resource before it, or resources ("an API with authors and books"). */
export function readList(reader: ClauseReader, at: number): void {
  const { tokens, mention } = reader;
  const trigger = tokens[at]!;
  const items = itemsSaidOf(tokens, at + 1);
  const subject = FIELD_TRIGGERS.has(trigger) || trigger === OPEN ? fieldListSubject(tokens, at, items) : undefined;
  if (subject) return readFieldsOf(reader, subject, at, items);
  // "A books API with authors and reviews": books are a resource too.
  const modified = trigger === 'with' || trigger === OPEN ? modifiedResource(tokens, at - 1) : undefined;
  if (modified) mention(modified.word, modified.at);
  const afterHead = HEAD_WORDS.has(tokens[at - 1] ?? '');
  readResourceList(reader, at + 1, trigger === 'for' ? 'for' : trigger === OPEN && !afterHead ? 'clear' : 'any');
}

/** A list after a colon: "Library API: members, loans, books", "Books: title, isbn". */
export function readColon(reader: ClauseReader, at: number): void {
  const { tokens } = reader;
  if (isTypeColon(tokens, at)) return;
  const items = itemsSaidOf(tokens, at + 1);
  const subject = fieldListSubject(tokens, at, items);
  if (subject) return readFieldsOf(reader, subject, at, items);
  const before = tokens[at - 1];
  const opensAList =
    before === undefined || before === 'for' || isFillerWord(before) || [HEAD_WORDS, LIST_TRIGGERS, RESOURCE_MARKERS].some((words) => words.has(before));
  readResourceList(reader, at + 1, opensAList ? 'any' : 'clear');
}

/**
 * A clause that is only a list of resources: "Posts, comments and tags.", a line of its own ("- loans").
 * Every item must read as a resource, a feature or nothing, and one noun alone must plainly be one
 * ("Thanks!" and "Happy holidays" are not lists of resources).
 */
export function readBareList({ tokens, mention }: ClauseReader): void {
  let start = 0;
  while (/^\d+$/.test(tokens[start] ?? '')) start++;
  for (let at = start; at < tokens.length; at++) {
    if (tokens[at] === OPEN) at = closingBracket(tokens, at);
    else if (tokens[at] === COLON || tokens[at] === 'for' || isTriggerAt(tokens, at)) return;
  }
  const items = itemsBetween(tokens, start, tokens.length).map(({ item, at }) => ({ item, at, reading: readResourceItem(item) }));
  if (items.some(({ reading }) => reading.kind === 'unclear')) return;
  const resources = items.flatMap(({ item, at, reading }) => (reading.kind === 'resource' ? [{ item, at, word: reading.word }] : []));
  if (resources.length === 0 || !resources.every(({ word }) => isClearResource(word, 'noun-position'))) return;
  const [only] = resources;
  if (resources.length === 1 && !isKnownResource(only!.word) && only!.item.filter((word) => !isFillerWord(word)).length > 1) return;
  for (const { word, at } of resources) mention(word, at);
}

