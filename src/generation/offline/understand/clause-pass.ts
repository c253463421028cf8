// What the first pass over a first prompt collects, and what each clause reader is given: shared by
// read-clauses.ts and read-lists.ts, which call each other's readers. Types only.
import type { RelationRequest } from './prompt-intents';
import type { Item, Token } from './prompt-text';

/** A noun used as a resource, and where: resources are listed in the order the prompt names them. */
export interface Mention {
  word: string;
  at: number;
}

/** Items said of one resource: "books with title and price", "each book has an author". */
export interface ItemsOf {
  subject: string;
  items: Item[];
  said: 'with' | 'have';
}

export interface FirstPass {
  mentions: Mention[];
  itemLists: ItemsOf[];
  relations: RelationRequest[];
  /** "reviews for books": a relation if both turn out to be resources; the parent's prompt position. */
  prepositionPairs: Array<RelationRequest & { parentAt: number }>;
  /** What "for a bookstore" names when it names no resources. */
  domainWords?: string[];
}

/** Reads one clause's phrases into the first pass. `mention` records a resource noun at a clause position. */
export interface ClauseReader {
  tokens: readonly Token[];
  /** Where the clause starts in the prompt. */
  offset: number;
  pass: FirstPass;
  mention: (word: string, at: number) => void;
}
