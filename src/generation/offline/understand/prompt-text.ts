// A prompt as the offline generator reads it: lower-case word tokens in clauses, and lists of items.
// Pure text handling; what the words mean is decided by the understand-* modules.

export type Token = string;
/** One entry of a list: the words between two separators ("a required release date"). */
export type Item = Token[];

const LIST_SEPARATORS = new Set([',', '&', 'and', 'or', 'plus']);

/**
 * Lower-case words, digits and the punctuation that structures a prompt. A camelCase identifier
 * becomes one snake_case token ("isAdmin" → "is_admin"), so it stays one name, never a clause ("is");
 * camelCase() joins it back up. "books (title, price)" reads as "books with title, price".
 */
export function normalize(prompt: string): string {
  return prompt
    .replace(/\b[a-z][A-Za-z0-9]*\b/g, (word) => word.replace(/([a-z0-9])(?=[A-Z][a-z])/g, '$1_'))
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/([a-z])-([a-z])/g, '$1$2') // to-do → todo, e-commerce → ecommerce
    .replace(/\bas well as\b/g, ',')
    .replace(/\(/g, ' with ')
    .replace(/\)/g, ' , ')
    .replace(/[^a-z0-9_,&.;!?\n]+/g, ' ');
}

export function tokensOf(text: string): Token[] {
  return text.match(/[a-z0-9]+(?:_[a-z0-9]+)*|[,&]/g) ?? [];
}

/** Sentences and other clauses ended by punctuation, as tokens. */
export function clausesOf(normalized: string): Token[][] {
  return normalized
    .split(/[.;!?\n]+/)
    .map(tokensOf)
    .filter((tokens) => tokens.length > 0);
}

/** The items of `tokens[start..end)`, split at list separators, each with the index of its last token. */
export function itemsBetween(tokens: readonly Token[], start: number, end: number): Array<{ item: Item; at: number }> {
  const items: Array<{ item: Item; at: number }> = [];
  let item: Item = [];
  for (let at = start; at <= end; at++) {
    const token = tokens[at];
    if (at < end && token !== undefined && !LIST_SEPARATORS.has(token)) {
      item.push(token);
      continue;
    }
    if (item.length > 0) items.push({ item, at: at - 1 });
    item = [];
  }
  return items;
}

/** Splits tokens into items at list separators. */
export function splitItems(tokens: readonly Token[]): Item[] {
  return itemsBetween(tokens, 0, tokens.length).map(({ item }) => item);
}
