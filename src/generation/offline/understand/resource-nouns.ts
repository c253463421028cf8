// Which words can name a resource, as the first-prompt readers (read-clauses.ts, read-title.ts and
// left-out-nouns.ts) all decide it. Pure.
import { isFeaturePhraseWord } from './feature-catalog';
import { looksPlural } from '../inflect';
import type { Token } from './prompt-text';
import {
  CLAUSE_WORDS, DETERMINERS, HEAD_WORDS, LIST_TRIGGERS, NOT_NOUNS, NOUN, PRONOUNS, RESOURCE_MARKERS, VERBS,
} from './prompt-words';
import { domainResources, isFillerWord, isKnownResource, isUnsupportedWord } from './resource-catalog';

/**
 * Whether a word could name a resource at all: a noun that is not filler, a feature, a domain or a
 * pronoun. Where only a noun can stand (the title: "Stores and Employees API"), words that are
 * usually verbs of a list ("stores", "tracks") count too.
 */
export function canNameResource(word: string, where: 'anywhere' | 'noun-position' = 'anywhere'): boolean {
  // Field words name resources too ("properties", "columns"); list items read them as markers when they follow a name.
  const excluded = [HEAD_WORDS, PRONOUNS, VERBS, CLAUSE_WORDS, RESOURCE_MARKERS, NOT_NOUNS];
  if (where === 'anywhere') excluded.push(LIST_TRIGGERS);
  return (
    NOUN.test(word) &&
    ![isFillerWord, isFeaturePhraseWord, isUnsupportedWord].some((test) => test(word)) &&
    domainResources(word) === undefined &&
    !excluded.some((words) => words.has(word))
  );
}

/** "books" in "books with title": a noun that is plainly a collection, as a plural or a resource the catalog knows. */
export function isClearResource(word: string | undefined, where: 'anywhere' | 'noun-position' = 'anywhere'): word is string {
  return word !== undefined && canNameResource(word, where) && (isKnownResource(word) || looksPlural(word));
}

/** Whether only determiners, filler and list numbers come before `at`: "Books: title", "- The books: title". */
export function startsClause(tokens: readonly Token[], at: number): boolean {
  return tokens.slice(0, at).every((token) => DETERMINERS.has(token) || isFillerWord(token) || /^\d+$/.test(token));
}
