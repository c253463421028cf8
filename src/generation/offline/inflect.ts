// English noun forms and identifier casing for the offline generator. Resource names are single
// lower-case words; routes use the plural (/books), code the singular (Book, registerBookRoutes).
// The rules cover regular nouns plus a short list of the irregular ones APIs tend to have.

const IRREGULAR: ReadonlyArray<readonly [singular: string, plural: string]> = [
  ['person', 'people'],
  ['child', 'children'],
  ['man', 'men'],
  ['woman', 'women'],
  ['mouse', 'mice'],
  ['goose', 'geese'],
  ['tooth', 'teeth'],
  ['foot', 'feet'],
  ['criterion', 'criteria'],
  ['analysis', 'analyses'],
  ['leaf', 'leaves'],
  ['life', 'lives'],
  ['shelf', 'shelves'],
  ['quiz', 'quizzes'],
  ['cache', 'caches'],
  // Nouns ending in -ie, which the -y rule would get wrong (movies → movy).
  ['movie', 'movies'],
  ['cookie', 'cookies'],
  ['calorie', 'calories'],
  ['zombie', 'zombies'],
  ['rookie', 'rookies'],
  ['selfie', 'selfies'],
  ['smoothie', 'smoothies'],
  ['pie', 'pies'],
  ['tie', 'ties'],
  // Nouns ending in -us whose plural is -uses (houses, causes and the like just add -s).
  ['status', 'statuses'],
  ['bus', 'buses'],
  ['campus', 'campuses'],
  ['virus', 'viruses'],
  ['bonus', 'bonuses'],
  // -f and -fe nouns whose plural is -ves.
  ['knife', 'knives'],
  ['wife', 'wives'],
  ['wolf', 'wolves'],
  ['half', 'halves'],
  ['thief', 'thieves'],
  ['loaf', 'loaves'],
  ['calf', 'calves'],
  // -o nouns whose plural is -oes (photos and videos just add -s).
  ['hero', 'heroes'],
  ['potato', 'potatoes'],
  ['tomato', 'tomatoes'],
  ['echo', 'echoes'],
  // -u nouns, which the -us rule above would take for singulars.
  ['menu', 'menus'],
  ['guru', 'gurus'],
  // Latin and Greek plurals.
  ['ox', 'oxen'],
  ['cactus', 'cacti'],
  ['fungus', 'fungi'],
  ['alumnus', 'alumni'],
  ['syllabus', 'syllabi'],
  ['curriculum', 'curricula'],
  ['phenomenon', 'phenomena'],
  ['crisis', 'crises'],
  ['thesis', 'theses'],
  ['diagnosis', 'diagnoses'],
  ['hypothesis', 'hypotheses'],
  ['matrix', 'matrices'],
  ['vertex', 'vertices'],
  ['appendix', 'appendices'],
  ['medium', 'media'],
];

/** Irregular plurals that also end compounds: salesperson → salespeople, grandchild → grandchildren. */
const IRREGULAR_ENDINGS: ReadonlyArray<readonly [singular: string, plural: string]> = [
  ['person', 'people'],
  ['child', 'children'],
  ['woman', 'women'],
];

/** The same word in both forms. */
const UNCOUNTABLE = new Set([
  'news', 'series', 'species', 'sheep', 'fish', 'deer', 'equipment', 'feedback', 'information', 'staff', 'personnel',
  'furniture', 'luggage', 'baggage', 'aircraft', 'salmon', 'trout', 'moose', 'bison', 'cattle', 'offspring',
]);

const PLURAL_OF = new Map(IRREGULAR.map(([singular, plural]) => [singular, plural]));
const SINGULAR_OF = new Map(IRREGULAR.map(([singular, plural]) => [plural, singular]));

/** The word with an irregular ending swapped for its other form: "salespeople" → "salesperson". */
function swapEnding(word: string, from: 'singular' | 'plural'): string | undefined {
  for (const pair of IRREGULAR_ENDINGS) {
    const [ending, swapped] = from === 'singular' ? pair : [pair[1], pair[0]];
    if (word.length > ending.length && word.endsWith(ending)) return word.slice(0, -ending.length) + swapped;
  }
  return undefined;
}

export function pluralize(singular: string): string {
  if (UNCOUNTABLE.has(singular)) return singular;
  const irregular = PLURAL_OF.get(singular) ?? swapEnding(singular, 'singular');
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(singular)) return `${singular}es`;
  return `${singular}s`;
}

export function singularize(plural: string): string {
  if (UNCOUNTABLE.has(plural)) return plural;
  const irregular = SINGULAR_OF.get(plural) ?? swapEnding(plural, 'plural');
  if (irregular) return irregular;
  if (!looksPlural(plural)) return plural;
  if (/[^aeiou]ies$/.test(plural)) return `${plural.slice(0, -3)}y`;
  if (/(ss|x|zz|ch|sh)es$/.test(plural)) return plural.slice(0, -2);
  return plural.slice(0, -1);
}

/** Whether a word reads as a plural noun: `books`, `people`, `news`; not `bookstore`, `status`, `address`. */
export function looksPlural(word: string): boolean {
  if (UNCOUNTABLE.has(word) || SINGULAR_OF.has(word)) return true;
  if (PLURAL_OF.has(word)) return false;
  const ending = IRREGULAR_ENDINGS.find(([singular, plural]) => word.endsWith(singular) || word.endsWith(plural));
  if (ending && word.length > ending[0].length) return word.endsWith(ending[1]);
  return /[^su]s$/.test(word) && !/(is|ss)$/.test(word);
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** ["release", "date"] → "releaseDate"; snake_case words are split first: ["is_admin"] → "isAdmin". */
export function camelCase(words: readonly string[]): string {
  return words
    .flatMap((word) => word.toLowerCase().split('_'))
    .filter(Boolean)
    .map((word, index) => (index === 0 ? word : capitalize(word)))
    .join('');
}

/** "a book", "an author", "a user": by the sound of the first letters, as far as spelling tells. */
export function withArticle(word: string): string {
  const vowelSound = /^[aeiou]/.test(word) && !/^(u[bcdfgjklmnpqrstvwxz][aeiou]|uni|eu|one)/.test(word);
  return `${vowelSound || /^hour/.test(word) ? 'an' : 'a'} ${word}`;
}
