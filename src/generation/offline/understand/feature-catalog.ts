// What the offline generator knows about its features: the phrases that ask for each one, and how
// to name and describe it to a person. The code a feature adds lives in render/.
import { FEATURES, type Feature } from '../schema/api-schema';

/** Phrases, as normalized tokens, that ask for a feature. The longest match wins. */
const FEATURE_PHRASES: ReadonlyArray<readonly [Feature, string[]]> = [
  ['auth', ['jwt']],
  ['auth', ['auth']],
  ['auth', ['authentication']],
  ['auth', ['authorization']],
  ['auth', ['login']],
  ['auth', ['logins']],
  ['auth', ['bearer', 'tokens']],
  ['auth', ['bearer', 'token']],
  ['pagination', ['pagination']],
  ['pagination', ['paging']],
  ['pagination', ['paginated']],
  ['pagination', ['paginate']],
  ['filtering', ['filtering']],
  ['filtering', ['filters']],
  ['filtering', ['filter']],
  ['filtering', ['filterable']],
  ['rate-limit', ['rate', 'limiting']],
  ['rate-limit', ['rate', 'limit']],
  ['rate-limit', ['rate', 'limits']],
  ['rate-limit', ['rate', 'limiter']],
  ['rate-limit', ['ratelimiting']],
  ['rate-limit', ['throttling']],
  ['cors', ['cors']],
  ['logging', ['logging']],
  ['logging', ['logger']],
  ['logging', ['request', 'logs']],
  ['logging', ['access', 'logs']],
  ['logging', ['log', 'requests']],
  ['logging', ['log', 'every', 'request']],
  ['logging', ['log', 'each', 'request']],
  ['logging', ['log', 'all', 'requests']],
  ['tests', ['tests']],
  ['tests', ['testing']],
  ['tests', ['test', 'suite']],
];

/** A feature phrase starting at `tokens[start]`: which feature, and how many tokens it takes. */
export function featurePhraseAt(tokens: readonly string[], start: number): { feature: Feature; length: number } | undefined {
  let best: { feature: Feature; length: number } | undefined;
  for (const [feature, phrase] of FEATURE_PHRASES) {
    const matches = phrase.every((word, offset) => tokens[start + offset] === word);
    if (matches && phrase.length > (best?.length ?? 0)) best = { feature, length: phrase.length };
  }
  return best;
}

/** Every feature the words ask for, in FEATURES order. */
export function featuresNamedIn(tokens: readonly string[]): Feature[] {
  const named = new Set<Feature>();
  for (let index = 0; index < tokens.length; index++) {
    const phrase = featurePhraseAt(tokens, index);
    if (phrase) named.add(phrase.feature);
  }
  return FEATURES.filter((feature) => named.has(feature));
}

/**
 * Whether `word` starts some feature phrase ("jwt", "rate", "access"), so that it is not mistaken for a
 * resource or field. Later words of a phrase ("limits", "requests") name things of their own elsewhere.
 */
export function isFeaturePhraseWord(word: string): boolean {
  return FEATURE_PHRASES.some(([, phrase]) => phrase[0] === word);
}

const FEATURE_NAMES: Record<Feature, string> = {
  auth: 'JWT auth',
  pagination: 'pagination',
  filtering: 'filtering',
  'rate-limit': 'rate limiting',
  cors: 'CORS',
  logging: 'request logging',
  tests: 'tests',
};

/** What each feature does, in one sentence for the chat. */
const FEATURE_DESCRIPTIONS: Record<Feature, string> = {
  auth:
    'JWT auth: POST /auth/token trades ADMIN_USERNAME and ADMIN_PASSWORD for an HS256 token signed with JWT_SECRET, ' +
    'and write routes (POST, PUT, PATCH, DELETE) need it in an "Authorization: Bearer" header',
  pagination: 'pagination: list routes take ?page= and ?pageSize= and answer { items, page, pageSize, total }',
  filtering: 'filtering: list routes take ?field=value for string, number and boolean fields',
  'rate-limit': 'rate limiting: a token bucket per client IP (RATE_LIMIT_MAX requests a minute, default 60), 429 with Retry-After beyond it',
  cors: 'CORS: every response allows CORS_ORIGIN (default any origin), and OPTIONS preflights get 204',
  logging: 'request logging: one line per request with method, path, status and milliseconds',
  tests: 'tests: npm test builds, starts the API on a free port and checks every route with node:test',
};

export function featureName(feature: Feature): string {
  return FEATURE_NAMES[feature];
}

export function describeFeature(feature: Feature): string {
  return FEATURE_DESCRIPTIONS[feature];
}
