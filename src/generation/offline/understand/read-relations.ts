// The phrases that relate two resources: "books belong to authors", "each book has an author",
// "authors have many books", "link books to authors". Pure; the callers check that the words name
// resources.
import { looksPlural } from '../inflect';
import { CLOSE, OPEN, type Token } from './prompt-text';
import type { RelationRequest } from './prompt-intents';
import { DETERMINERS, MODALS, NOUN, PLURAL_DETERMINERS } from './prompt-words';

const BELONG = new Set(['belong', 'belongs', 'belonging']);

/** "tickets should be assigned to an agent": the passive verbs that place a child under a parent. */
const LINKED = new Set(['assigned', 'linked', 'attached', 'tied', 'connected']);
const BE = new Set(['is', 'are', 'be', 'get', 'gets', 'always']);

/** A verb that says "X belongs to Y": "belongs", "should be assigned". */
function isBelongVerb(tokens: readonly Token[], at: number): boolean {
  return BELONG.has(tokens[at]!) || (LINKED.has(tokens[at]!) && BE.has(tokens[at - 1] ?? ''));
}
export const HAVE = new Set(['has', 'have']);

export interface WordAt {
  word: string;
  at: number;
}

/** Where the bracket that closes at `close` opened. */
function openingBracket(tokens: readonly Token[], close: number): number {
  let depth = 0;
  for (let at = close; at >= 0; at--) {
    if (tokens[at] === CLOSE) depth++;
    if (tokens[at] === OPEN && --depth === 0) return at;
  }
  return -1;
}

/** The noun a verb at `verbAt` is said of: "each book should belong" → book; "books (title, isbn) belong" → books. */
export function subjectBefore(tokens: readonly Token[], verbAt: number): WordAt | undefined {
  let at = verbAt - 1;
  if (LINKED.has(tokens[verbAt]!)) while (at >= 0 && BE.has(tokens[at]!)) at--;
  if (tokens[at] === CLOSE) at = openingBracket(tokens, at) - 1;
  while (at >= 0 && MODALS.has(tokens[at]!)) at--;
  const word = tokens[at];
  return word !== undefined && NOUN.test(word) ? { word, at } : undefined;
}

/** The noun after `at`, past determiners: "to an author" → author. */
export function nounAfter(tokens: readonly Token[], at: number): WordAt | undefined {
  let next = at + 1;
  while (next < tokens.length && DETERMINERS.has(tokens[next]!)) next++;
  const word = tokens[next];
  return word !== undefined && NOUN.test(word) ? { word, at: next } : undefined;
}

/** "X belongs to Y" or "X is assigned to Y", with the verb at `verbAt`. */
export function belongsToAt(tokens: readonly Token[], verbAt: number): (RelationRequest & { childAt: number; parentAt: number }) | null {
  if (!isBelongVerb(tokens, verbAt) || tokens[verbAt + 1] !== 'to') return null;
  const child = subjectBefore(tokens, verbAt);
  const parent = nounAfter(tokens, verbAt + 1);
  return child && parent ? { child: child.word, parent: parent.word, childAt: child.at, parentAt: parent.at } : null;
}

/**
 * What "subject has object" relates: "each book has an author" → books point at authors; "authors
 * have many books" → books point at authors. `objectWords` are the object item's words.
 */
export function relationFromHave(subject: string, objectWords: readonly Token[]): RelationRequest | null {
  const object = objectWords.at(-1);
  if (object === undefined || !NOUN.test(object)) return null;
  const many = looksPlural(object) || objectWords.some((word) => PLURAL_DETERMINERS.has(word));
  return many ? { child: object, parent: subject } : { child: subject, parent: object };
}

/** A whole command that only relates two resources: "books belong to authors", "link books to authors". */
export function readRelationCommand(tokens: readonly Token[]): RelationRequest | null {
  const link = /^(?:link|connect|relate)$/.test(tokens[0] ?? '') ? tokens.indexOf('to') : -1;
  if (link !== -1) {
    const child = nounAfter(tokens, 0);
    const parent = nounAfter(tokens, link);
    return child?.at === link - 1 && parent?.at === tokens.length - 1 ? { child: child.word, parent: parent.word } : null;
  }
  const verbAt = tokens.findIndex((token, at) => isBelongVerb(tokens, at) || HAVE.has(token));
  if (verbAt === -1) return null;
  const subject = subjectBefore(tokens, verbAt);
  const leading = subject ? tokens.slice(0, subject.at) : [];
  if (!subject || !leading.every((word) => DETERMINERS.has(word) || word === 'make')) return null;
  if (isBelongVerb(tokens, verbAt)) {
    const relation = belongsToAt(tokens, verbAt);
    return relation && relation.parentAt === tokens.length - 1 ? { child: relation.child, parent: relation.parent } : null;
  }
  const object = nounAfter(tokens, verbAt);
  if (!object || object.at !== tokens.length - 1) return null;
  return relationFromHave(subject.word, tokens.slice(verbAt + 1));
}
