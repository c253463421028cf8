// Test data: a corpus of prompts in the voices of real users (terse, chatty, lists on new lines,
// odd separators, capitalised titles, irregular plurals, typos in the filler, fields and features
// mixed in), each with what a reasonable reader takes it to ask for. The first prompts are in
// offline-prompt-corpus-first.ts and offline-prompt-corpus-fields.ts, follow-ups in
// offline-prompt-corpus-iterations.ts. Checked in offline-prompt-corpus.test.ts; a sample is
// compiled and exercised over HTTP in generated-behaviour.test.ts. Used by tests only.
import type { CorpusEntry } from './offline-prompt-corpus-types';
import { FIRST_PROMPTS_WITH_DETAIL } from './offline-prompt-corpus-fields';
import { FIRST_PROMPTS_NAMING } from './offline-prompt-corpus-first';
import { ITERATIONS } from './offline-prompt-corpus-iterations';

/** Typos sit in the filler words; the resource words are spelled right. */
const TYPOS: CorpusEntry[] = [
  { prompts: ['pls make an api for my shop wiht products and reviews'], resources: ['products', 'reviews'] },
  { prompts: ['can u build teh backend for a dog grooming salon, need dogs, owners and appointments thx'], resources: ['dogs', 'owners', 'appointments'] },
  { prompts: ['plz create an API fro a car rental: cars, customers, rentals'], resources: ['cars', 'customers', 'rentals'] },
  { prompts: ['Hey can yuo make a backend for my choir? singers, songs and rehearsals'], resources: ['singers', 'songs', 'rehearsals'] },
  {
    prompts: ['i need a api for my bookclub wiht members (name, email) and meetings (date, location) pls'],
    resources: ['members', 'meetings'],
    fields: { members: { name: 'string', email: 'string' }, meetings: { date: 'date', location: 'string' } },
  },
];

export const FIRST_PROMPTS: CorpusEntry[] = [...FIRST_PROMPTS_NAMING, ...TYPOS, ...FIRST_PROMPTS_WITH_DETAIL];
export { ITERATIONS };
export type { CorpusEntry, FieldSpec } from './offline-prompt-corpus-types';

/**
 * Entries whose every version the behaviour test compiles, starts and calls: varied phrasings,
 * irregular plurals, relations and typed fields, and three follow-up chains. By first prompt.
 */
const BEHAVIOUR_SAMPLE_PROMPTS = [
  'Networking app: people, companies, notes',
  'TV guide API with series, episodes and channels',
  'An API for a daycare with children, parents and caregivers',
  'Events API: events (name, starts at, capacity) & attendees (name, email) & organizers',
  'Personal finance API with accounts, transactions and budgets. Transactions have an amount, a date and a note. Each transaction belongs to an account.',
  'A TV API with series and episodes',
  'A lab API with mice and cages',
  'A CRM API with people and companies',
];

export function behaviourSample(): CorpusEntry[] {
  const entries = [...FIRST_PROMPTS, ...ITERATIONS];
  return BEHAVIOUR_SAMPLE_PROMPTS.map((prompt) => {
    const entry = entries.find((candidate) => candidate.prompts[0] === prompt);
    if (!entry) throw new Error(`no corpus entry starts with "${prompt}"`);
    return entry;
  });
}
