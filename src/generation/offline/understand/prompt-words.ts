// Word classes the prompt readers share: which words start or end a list, and which words can
// never be part of a resource or field name. Deliberately small: a prompt the generator cannot
// read with these gets a plain "I did not understand" rather than a guess.

/** Words after which a prompt lists resources ("with authors and books") or, after a resource, fields. */
export const LIST_TRIGGERS = new Set([
  'with', 'managing', 'manage', 'manages', 'track', 'tracks', 'tracking', 'handling', 'handles',
  'storing', 'stores', 'containing', 'including', 'includes', 'featuring',
]);

/** List triggers that, right after a resource, list its fields: "books with title and price". */
export const FIELD_TRIGGERS = new Set(['with', 'containing', 'including']);

/** Words that end a list: they start another clause. */
export const CLAUSE_WORDS = new Set([
  'for', 'that', 'which', 'where', 'who', 'whose', 'when', 'using', 'use', 'uses', 'in', 'on', 'at',
  'backed', 'built', 'written', 'via', 'so', 'to', 'by', 'from', 'if', 'but', 'without', 'should',
  'must', 'will', 'can', 'may', 'is', 'are', 'be', 'has', 'have', 'having', 'each', 'every', 'belong',
  'belongs', 'belonging', 'like', 'such',
]);

/** Verbs: an item holding one is a clause the generator did not follow, not a noun. */
export const VERBS = new Set([
  'add', 'create', 'remove', 'delete', 'drop', 'rename', 'change', 'make', 'build', 'write',
  'update', 'replace', 'move', 'generate', 'need', 'want', 'give', 'let', 'please', 'link',
]);

export const FIELD_WORDS = new Set(['field', 'fields', 'property', 'properties', 'column', 'columns', 'attribute', 'attributes']);

export const RESOURCE_MARKERS = new Set([
  'resource', 'resources', 'endpoint', 'endpoints', 'model', 'entity', 'table', 'collection', 'routes',
]);

/** Words that follow a resource used as a modifier: "a todo API", "a book store", "a movie database". */
export const HEAD_WORDS = new Set([
  'api', 'app', 'database', 'tracker', 'manager', 'list', 'service', 'backend', 'system', 'catalog',
  'catalogue', 'platform', 'store', 'shop',
]);

/** Words between a subject and its verb: "each book should belong to", "authors can have". */
export const MODALS = new Set(['can', 'may', 'should', 'must', 'will', 'always', 'also', 'usually', 'often']);

/** Words before a noun that say how many: "an author", "many books". */
export const DETERMINERS = new Set([
  'a', 'an', 'the', 'one', 'each', 'every', 'its', 'their', 'some', 'many', 'multiple', 'several', 'any',
]);

/** Determiners that make what follows a collection: "many books", "several reviews". */
export const PLURAL_DETERMINERS = new Set(['many', 'multiple', 'several', 'some', 'any']);

/** Words that refer back rather than name something. */
export const PRONOUNS = new Set(['it', 'they', 'them', 'this', 'these', 'those', 'we', 'you', 'i', 'me', 'us', 'everything']);

export const NOUN = /^[a-z]{2,30}$/;

/** Words that look plural but name nothing: "Thanks!", "always", "it allows". */
export const NOT_NOUNS = new Set([
  'thanks', 'cheers', 'regards', 'greetings', 'kudos', 'always', 'perhaps', 'sometimes', 'besides', 'towards',
  'afterwards', 'nowadays', 'whereas', 'yes', 'was', 'does', 'goes', 'as', 'lets', 'needs', 'wants', 'allows',
  'returns', 'supports', 'provides', 'means', 'looks', 'works', 'seems', 'sounds', 'gets',
]);

/** Words that, before a colon, introduce a remark rather than name a resource: "Note: ...", "Stack: ...". */
export const COLON_LABELS = new Set([
  'note', 'nb', 'ps', 'update', 'edit', 'important', 'tip', 'hint', 'example', 'examples', 'context', 'requirement',
  'requirements', 'feature', 'features', 'stack', 'tech', 'bonus', 'extra', 'extras', 'constraints', 'details', 'goal',
  'summary', 'overview', 'description', 'also', 'optional',
]);
