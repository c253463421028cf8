// The words a prompt puts before "API" ("A movie database API", "Recipes and Ingredients API:
// ..."): the API's title, and the resources the title names as its subject. Pure.
import { capitalize, looksPlural } from '../inflect';
import { isFeaturePhraseWord } from './feature-catalog';
import { LIST_SEPARATORS, type Token } from './prompt-text';
import { CLAUSE_WORDS, HEAD_WORDS, LIST_TRIGGERS, NOUN, PRONOUNS, VERBS } from './prompt-words';
import type { Mention } from './read-clauses';
import { isClearResource } from './resource-nouns';
import { isFillerWord, isKnownResource } from './resource-catalog';

/** Words that end a title read backwards from "API": "a movie database API" → Movie Database. */
const BEFORE_A_TITLE = new Set(['a', 'an', 'the', 'my', 'our']);

/** Head words that name a collection of the word before them: "a todo list", "a task tracker". */
const COLLECTION_HEADS = new Set(['list', 'tracker', 'manager', 'catalog', 'catalogue', 'database']);

const MAX_ITEMS = 6;
const MAX_WORDS_PER_ITEM = 3;

interface TitleItem {
  words: Token[];
  /** Prompt positions of the words. */
  at: number[];
}

export interface Title {
  text: string;
  /** Resources the title names: recipes and ingredients in "Recipes and Ingredients API". */
  resources: Mention[];
}

/** Whether `word`, read backwards from "API", still belongs to the title. */
function inTitle(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at]!;
  if (!NOUN.test(word) || BEFORE_A_TITLE.has(word) || VERBS.has(word) || CLAUSE_WORDS.has(word) || PRONOUNS.has(word)) return false;
  if (isFeaturePhraseWord(word)) return false;
  // "Stores and Employees API": a list's verb ("stores", "tracks") is a noun where the title starts.
  if (LIST_TRIGGERS.has(word)) return at === 0 || BEFORE_A_TITLE.has(tokens[at - 1]!);
  return true;
}

/** The items before the first "API" of `clause`, which starts at prompt position `offset`, split at list separators. */
function titleItems(clause: readonly Token[], offset: number): TitleItem[] {
  const apiAt = clause.indexOf('api');
  const items: TitleItem[] = [];
  let item: TitleItem = { words: [], at: [] };
  for (let at = apiAt - 1; at >= 0; at--) {
    const word = clause[at]!;
    if (LIST_SEPARATORS.has(word)) {
      if (item.words.length === 0) break;
      items.unshift(item);
      item = { words: [], at: [] };
      continue;
    }
    if (isFillerWord(word) && !BEFORE_A_TITLE.has(word)) continue;
    if (isFillerWord(word) || !inTitle(clause, at) || item.words.length === MAX_WORDS_PER_ITEM) break;
    item.words.unshift(word);
    item.at.unshift(offset + at);
  }
  if (item.words.length > 0) items.unshift(item);
  // A separator with nothing before it ("books and API") ends the title there.
  return items.slice(-MAX_ITEMS);
}

/**
 * The resource a title item names: "recipes", "task" of "task tracker", "posts" of "blog posts". A
 * noun after other words must be a collection the catalog knows: "moving company", "address book"
 * and "social media" name a business or a domain, not a resource.
 */
function itemResource(item: TitleItem): Mention | undefined {
  const last = item.words.length - 1;
  const headAt = COLLECTION_HEADS.has(item.words[last]!) ? last - 1 : last;
  const word = item.words[headAt];
  if (word === undefined || HEAD_WORDS.has(word) || !isClearResource(word, 'noun-position')) return undefined;
  if (headAt > 0 && !(isKnownResource(word) && looksPlural(word))) return undefined;
  return { word, at: item.at[headAt]! };
}

function titleCase(words: string[]): string {
  return words.map(capitalize).join(' ');
}

/** Names in a list: "Books", "Books and Authors", "Stores, Employees and Shifts". */
export function listedTitle(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/** The title before the prompt's first "API", if it has one. */
export function readTitle(clauses: readonly Token[][]): Title | undefined {
  let offset = 0;
  for (const clause of clauses) {
    if (clause.includes('api')) {
      const items = titleItems(clause, offset);
      if (items.length === 0) return undefined;
      return {
        text: `${listedTitle(items.map((item) => titleCase(item.words)))} API`,
        resources: items.flatMap((item) => itemResource(item) ?? []),
      };
    }
    offset += clause.length;
  }
  return undefined;
}
