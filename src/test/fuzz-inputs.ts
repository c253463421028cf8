// What the tRPC fuzz test (src/server/api/fuzz.test.ts) feeds the procedures: any value a broken client
// might send, and for each kind of input (ids, prompts, env vars, console requests) values that must be
// refused. Every arbitrary here generates only inputs a procedure must refuse, except the valid* ones,
// which the test combines with something that is refused.
import fc from 'fast-check';
import { idSchema, promptSchema } from '@/server/api/schemas';
import { MAX_PROMPT_LENGTH } from '@/shared/prompt-limits';
import { envNameProblem, envValueProblem, MAX_ENV_VALUE_BYTES } from '@/shared/project-env-rules';
import { MAX_PREVIEW_REQUEST_BODY_BYTES } from '@/shared/preview-limits';
import { expectJsonProblem } from '@/shared/saved-check-rules';

/** Far past every limit, in one-, two- and four-byte UTF-8 characters. */
export const HUGE_STRINGS = ['x'.repeat(100_000), 'é'.repeat(50_000), '\u{1F600}'.repeat(20_000)];

/** Any JSON-ish or JS value: what a broken client or a hand-written script might send. */
export const anyValue = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(...HUGE_STRINGS, null, undefined, -1, 0, -0, NaN, Infinity, -Infinity, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, '', ' ', '\u0000'),
);

export const notAnId = anyValue.filter((value) => !idSchema.safeParse(value).success);
export const unknownId = fc.uuid().filter((value) => idSchema.safeParse(value).success);

/** Strings Postgres cannot store (NUL) must be refused as input, not fail the insert. */
export const notAPrompt = fc.oneof(
  anyValue.filter((value) => !promptSchema.safeParse(value).success),
  fc.stringMatching(/^[ \t\n\r]*$/),
  fc.string({ minLength: MAX_PROMPT_LENGTH + 1, maxLength: MAX_PROMPT_LENGTH + 50 }).filter((value) => value.trim().length > MAX_PROMPT_LENGTH),
  fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([before, after]) => `Add books${before}\u0000${after}`),
);
export const validPrompt = fc.string({ minLength: 1, maxLength: 200 }).filter((value) => promptSchema.safeParse(value).success && !value.includes('\u0000'));

export const validEnvName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/).filter((name) => envNameProblem(name) === null);
export const notAnEnvName = fc.oneof(
  anyValue.filter((value) => typeof value !== 'string' || envNameProblem(value) !== null),
  fc.constantFrom('PATH', 'home', 'LD_PRELOAD', 'npm_config_cache', 'PORT', 'HOST', '1ABC', 'A-B', 'A B', ''),
);
export const notAnEnvValue = fc.oneof(
  anyValue.filter((value) => typeof value !== 'string' || envValueProblem(value) !== null),
  fc.constant('x'.repeat(MAX_ENV_VALUE_BYTES + 1)),
  fc.string({ maxLength: 10 }).map((text) => `${text}\u0000`),
);

/** Requests the console must refuse before sending anything. */
export const badPreviewRequest = fc.oneof(
  fc.record({ method: anyValue.filter((value) => typeof value !== 'string' || !['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(value)), path: fc.constant('/') }),
  fc.record({ method: fc.constant('GET'), path: fc.oneof(anyValue.filter((value) => typeof value !== 'string' || !value.startsWith('/')), fc.constantFrom('http://evil.example/', '//evil.example/', '/\\evil', '/a?b=1', '/a b', '/#x')) }),
  fc.record({ method: fc.constant('GET'), path: fc.constant('/'), headers: fc.oneof(anyValue, fc.constantFrom({ Host: 'evil.example' }, { 'X-Forwarded-Host': 'evil' }, { 'Bad Name': 'x' }, { 'X-A': 'a\r\nb' })).filter((value) => value !== undefined) }),
  fc.record({ method: fc.constant('GET'), path: fc.constant('/'), query: anyValue.filter((value) => value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) }),
  fc.record({ method: fc.constantFrom('GET', 'HEAD'), path: fc.constant('/'), body: fc.string() }),
  fc.record({ method: fc.constant('POST'), path: fc.constant('/'), body: fc.oneof(fc.constant('x'.repeat(MAX_PREVIEW_REQUEST_BODY_BYTES + 1)), fc.constant('a\u0000b'), anyValue.filter((value) => value !== undefined && typeof value !== 'string')) }),
);

/** Saved-check fields the server must refuse, each beside an otherwise good check. */
export const badSavedCheckFields = fc.oneof(
  fc.record({ expectStatus: anyValue.filter((value) => !(Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599)) }),
  fc.record({ name: fc.constantFrom(...HUGE_STRINGS, 'a\u0000b', 200, null, {}) }),
  fc.record({
    expectJson: fc.oneof(
      anyValue.filter((value) => value !== undefined && expectJsonProblem(value) !== null),
      fc.constantFrom({ text: 'x'.repeat(20_000) }, ['\ud800'], { 'a\u0000': 1 }, { a: undefined }, [NaN]),
    ),
  }),
);

/** Keys nobody asked for, next to the real ones; they must change nothing. */
export function withExtraKeys<T extends Record<string, unknown>>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }) {
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 3 }))
    .map(([input, extra]) => ({ ...extra, ...input }));
}
