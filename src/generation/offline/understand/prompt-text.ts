// A prompt as the offline generator reads it: lower-case word tokens in clauses, and lists of items.
// Pure text handling; what the words mean is decided by the understand-* modules.
import { looksPlural } from '../inflect';
import { joinBulletLists } from './prompt-lines';
import { isKnownResource } from './resource-catalog';

export type Token = string;
/** One entry of a list: the words between two separators ("a required release date"). */
export type Item = Token[];

/** Punctuation kept as tokens: a colon starts a list ("Library API: members, loans"), brackets hold one. */
export const COLON = ':';
export const OPEN = '(';
export const CLOSE = ')';

/** What separates the entries of a list; slashes become commas when the prompt is normalized. */
export const LIST_SEPARATORS = new Set([',', '&', 'and', 'or', 'plus']);

/**
 * Type words a prompt may put in brackets after a field: "price (number)" reads as "price: number".
 * After a collection the bracket lists its fields instead: "steps (text)".
 */
const BRACKETED_TYPE = /\b([a-z0-9_]+)\s*\(\s*(string|text|number|integer|int|float|decimal|boolean|bool|date|datetime|timestamp)\s*\)/g;

function typeInBrackets(match: string, word: string, type: string): string {
  return looksPlural(word) || isKnownResource(word) ? match : `${word} : ${type} `;
}

/** Misspellings of the words that structure a prompt, common enough to read as meant. */
const MISSPELLINGS = new Map(
  Object.entries({ wiht: 'with', whit: 'with', wtih: 'with', iwth: 'with', teh: 'the', fro: 'for', yuo: 'you', adn: 'and', nad: 'and' }),
);

/**
 * Lower-case words, digits and the punctuation that structures a prompt. A camelCase identifier
 * becomes one snake_case token ("isAdmin" → "is_admin"), so it stays one name, never a clause ("is");
 * camelCase() joins it back up. Bullet lists become lines (prompt-lines.ts); "a/b" is "a, b".
 */
export function normalize(prompt: string): string {
  return joinBulletLists(prompt)
    .replace(/\b[a-z][A-Za-z0-9]*\b/g, (word) => word.replace(/([a-z0-9])(?=[A-Z][a-z])/g, '$1_'))
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/([a-z])-([a-z])/g, '$1$2') // to-do → todo, e-commerce → ecommerce
    .replace(/\b(e\.g|i\.e|etc|vs)\./g, (abbreviation) => abbreviation.replace(/\./g, '')) // not the end of a sentence
    .replace(/\b[a-z]+\b/g, (word) => MISSPELLINGS.get(word) ?? word)
    .replace(/\bw\/(?=\s)/g, ' with ')
    .replace(/\bas well as\b/g, ',')
    .replace(/\+/g, ' , ')
    .replace(/\s[-–—]+\s/g, ' : ') // "projects - name, deadline" gives the fields of projects
    .replace(/(^|\s)\d{1,2}[.)](?=\s)/g, ' , ') // "1) shows 2) episodes": numbers that mark the items of a list
    .replace(/\(\s*(required|mandatory|optional)\s*\)/g, ' $1 ')
    .replace(BRACKETED_TYPE, typeInBrackets)
    .replace(/([a-z])\s*\/\s*(?=[a-z])/g, '$1 , ')
    .replace(/[^a-z0-9_,&.;!?():\n]+/g, ' ');
}

export function tokensOf(text: string): Token[] {
  return text.match(/[a-z0-9]+(?:_[a-z0-9]+)*|[,&():]/g) ?? [];
}

/** Sentences and other clauses ended by punctuation, as tokens. */
export function clausesOf(normalized: string): Token[][] {
  return normalized
    .split(/[.;!?\n]+/)
    .map(tokensOf)
    .filter((tokens) => tokens.length > 0);
}

/** Where the bracket opened at `open` closes; past the end when it never does. */
export function closingBracket(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let at = open; at < tokens.length; at++) {
    if (tokens[at] === OPEN) depth++;
    if (tokens[at] === CLOSE && --depth === 0) return at;
  }
  return tokens.length;
}

/**
 * The items of `tokens[start..end)`, split at list separators, each with the index of its last token.
 * What a bracket holds belongs to the item before it and is left out of it: "recipes (title, time)"
 * is the item "recipes", and the bracket's own list is read where it opens.
 */
export function itemsBetween(tokens: readonly Token[], start: number, end: number): Array<{ item: Item; at: number }> {
  const items: Array<{ item: Item; at: number }> = [];
  let item: Item = [];
  let last = start;
  for (let at = start; at <= end; at++) {
    const token = tokens[at];
    if (token === OPEN && at < end) {
      at = closingBracket(tokens, at);
      continue;
    }
    if (at < end && token !== undefined && token !== CLOSE && !LIST_SEPARATORS.has(token)) {
      item.push(token);
      last = at;
      continue;
    }
    if (item.length > 0) items.push({ item, at: last });
    item = [];
  }
  return items;
}

/** Splits tokens into items at list separators. */
export function splitItems(tokens: readonly Token[]): Item[] {
  return itemsBetween(tokens, 0, tokens.length).map(({ item }) => item);
}
