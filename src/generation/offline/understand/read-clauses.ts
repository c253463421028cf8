// The first pass over a first prompt (see understand-create-prompt.ts): every noun the prompt uses
// as a resource (in lists, as the subject of "with", "has" or "belongs to"), the lists said of each
// one, the relations it states outright, and "X for Y" pairs that are relations if both turn out to
// be resources. Lists are read in read-lists.ts, the title in read-title.ts. Whether a listed item is
// a field or a relation is left to the second pass. Pure.
import type { ClauseReader, FirstPass } from './clause-pass';
import { COLON, OPEN, type Token } from './prompt-text';
import { DETERMINERS, HEAD_WORDS, PLURAL_DETERMINERS, PRONOUNS } from './prompt-words';
import { isTriggerAt, itemsSaidOf, readBareList, readColon, readList, readResourceList } from './read-lists';
import { belongsToAt, HAVE, nounAfter, subjectBefore } from './read-relations';
import { isFillerWord } from './resource-catalog';
import { canNameResource, isClearResource } from './resource-nouns';

const RELATION_PREPOSITIONS = new Set(['for', 'of', 'on', 'in']);

/** Verbs that, like "have", say what something holds: "I need cakes", "each user needs an email". */
const NEED = new Set(['need', 'needs', 'want', 'wants', 'require', 'requires']);


/** "books belong to authors": both are resources, related. */
function readBelongsTo({ tokens, pass, mention }: ClauseReader, at: number): void {
  const belongs = belongsToAt(tokens, at);
  if (!belongs || !canNameResource(belongs.child) || !canNameResource(belongs.parent)) return;
  mention(belongs.child, belongs.childAt);
  mention(belongs.parent, belongs.parentAt);
  pass.relations.push({ child: belongs.child, parent: belongs.parent });
}

/** Who has or needs something when it is no resource: "it should have", "we need", "the API has". */
function isTheWholeApi(tokens: readonly Token[], subjectAt: number): boolean {
  const word = tokens[subjectAt]!;
  return PRONOUNS.has(word) || HEAD_WORDS.has(word) || isFillerWord(word);
}

/**
 * "each book has a title and an author": the items are read in the second pass; "series have many
 * episodes" makes episodes a resource. "It should have bikes, customers and repairs", "I need cakes
 * and orders": said of the API, the items are resources.
 */
function readHave(reader: ClauseReader, at: number): void {
  const { tokens, pass, mention } = reader;
  const subject = subjectBefore(tokens, at);
  if (!subject || isTheWholeApi(tokens, subject.at)) return readResourceList(reader, at + 1, 'clear');
  if (!canNameResource(subject.word)) return;
  const determined = DETERMINERS.has(tokens[subject.at - 1] ?? '');
  if (!determined && !isClearResource(subject.word)) return;
  mention(subject.word, subject.at);
  const items = itemsSaidOf(tokens, at + 1);
  for (const { item, at: itemAt } of items) {
    const noun = item.at(-1)!;
    if (item.length === 2 && PLURAL_DETERMINERS.has(item[0]!) && isClearResource(noun)) mention(noun, itemAt);
  }
  pass.itemLists.push({ subject: subject.word, items: items.map(({ item }) => item), said: 'have' });
}

/**
 * "reviews for books", "comments on posts": kept until it is known whether both are resources, and
 * which resources "in" names: "items in warehouses" makes warehouses one where items are.
 */
function readPreposition({ tokens, offset, pass }: ClauseReader, at: number): void {
  const child = tokens[at - 1];
  const parent = nounAfter(tokens, at);
  if (child !== undefined && parent) pass.prepositionPairs.push({ child, parent: parent.word, parentAt: offset + parent.at });
}

function readClause(tokens: readonly Token[], offset: number, pass: FirstPass): void {
  const reader: ClauseReader = { tokens, offset, pass, mention: (word, at) => pass.mentions.push({ word, at: offset + at }) };
  readBareList(reader);
  tokens.forEach((token, at) => {
    readBelongsTo(reader, at);
    if (HAVE.has(token) || NEED.has(token)) readHave(reader, at);
    if (RELATION_PREPOSITIONS.has(token)) readPreposition(reader, at);
    if (token === COLON) readColon(reader, at);
    else if (isTriggerAt(tokens, at) || token === 'for' || token === OPEN) readList(reader, at);
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

export type { FirstPass, Mention } from './clause-pass';
