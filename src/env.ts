// The one place that reads process.env (docs/architecture.md, "Backends"). Every backend is chosen
// here, so the rest of the code asks `backends` instead of probing variables itself. The browser
// gets `clientEnv` only: the two public Supabase values, which Next writes into the browser bundle
// at build time; the server's values stay on the server (reading one in the browser throws).
import { z } from 'zod';
import { DEFAULT_MODEL_PRICES, type ModelPrice, type ModelPriceTable } from '@/shared/model-prices';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** What the browser may know: Supabase's project URL and its public (anon) key. */
const clientEnvSchema = z.object({
  NEXT_PUBLIC_SUPABASE_URL: optionalString.pipe(z.string().url().optional()),
  NEXT_PUBLIC_SUPABASE_ANON_KEY: optionalString,
});

/** USD per million tokens; cachedInput defaults to input (a provider without a prompt-cache discount). */
const modelPriceSchema = z
  .strictObject({
    input: z.number().min(0),
    cachedInput: z.number().min(0).optional(),
    output: z.number().min(0),
  })
  .transform((price): ModelPrice => ({ input: price.input, cachedInput: price.cachedInput ?? price.input, output: price.output }));

/** FORGE_MODEL_PRICES: `{"gpt-4o": {"input": 2.5, "cachedInput": 1.25, "output": 10}}`. */
const modelPricesSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a JSON object like {"gpt-4o": {"input": 2.5, "cachedInput": 1.25, "output": 10}} (USD per million tokens): ${(error as Error).message}`,
      });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(z.string().trim().min(1), modelPriceSchema, {
      error: (issue) =>
        issue.code === 'invalid_key' ? 'a model name may not be empty' : 'must map model names to {"input", "cachedInput", "output"} prices',
    }),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Embedded database folder (PGlite). */
  FORGE_DATA_DIR: z.string().default('.data/pglite'),
  /** Delay between offline-generator chunks, so people can watch it type. 0 in tests. */
  FORGE_OFFLINE_CHUNK_DELAY_MS: z.coerce.number().int().min(0).max(2000).default(12),
  /** How many generations this process runs at once (the embedded queue, or this process's Postgres worker). */
  FORGE_QUEUE_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** Set to "skip" to record the sandbox step as skipped (e.g. machines without npm access). */
  FORGE_SANDBOX: z.enum(['auto', 'local', 'skip']).default('auto'),
  /**
   * With a model connected: plan first, then write the files with concurrent calls. `auto` does so for
   * v1, which has no base to send with every call; iterations answer in one call, with edits.
   */
  FORGE_PARALLEL_FILES: z.enum(['auto', 'on', 'off']).default('auto'),
  /**
   * `on`: once a version's package.json is final in the stream, its install starts in the sandbox while the
   * other files are still written (src/generation/install-ahead.ts). `off`: validation installs afterwards.
   */
  FORGE_INSTALL_AHEAD: z.enum(['on', 'off']).default('on'),
  /**
   * Validation's behaviour round per resource in openapi.json: create, read, update, delete, bad body
   * (docs/architecture.md, "API checks"). The project's saved checks run either way.
   */
  FORGE_BEHAVIOUR_CHECKS: z.enum(['on', 'off']).default('on'),
  /** Files written at once in parallel mode: a v1 of a dozen files finishes with its longest file. */
  FORGE_PARALLEL_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(6),
  /** With a model connected, one automatic Fix attempt when a version fails validation (never a fix of a fix). */
  FORGE_AUTO_FIX: z.enum(['on', 'off']).default('on'),
  /**
   * With the Postgres job backend: whether this web server also runs generations. `off` leaves them
   * to `npm run worker` processes, so web servers and workers scale apart.
   */
  FORGE_WORKER: z.enum(['on', 'off']).default('on'),
  /** A generating version whose owner has not renewed its lease for this long is ended (the owner died). */
  FORGE_LEASE_SECONDS: z.coerce.number().min(1).max(600).default(30),
  /** Minutes a completed version's stream_buffer rows are kept. */
  FORGE_BUFFER_RETENTION_MINUTES: z.coerce.number().int().min(1).default(60),
  /** Previews this server runs at once; the least recently used stops to make room. */
  FORGE_PREVIEW_MAX: z.coerce.number().int().min(1).max(50).default(3),
  /** A preview stops after this many minutes without a request. */
  FORGE_PREVIEW_IDLE_MINUTES: z.coerce.number().min(0.05).max(24 * 60).default(10),
  /** How long the console waits for a preview's answer. */
  FORGE_PREVIEW_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(300).default(15),
  /** `next dev` only: compile the pages a newcomer opens once the server is up (src/server/dev-warm-up.ts reads it). */
  FORGE_DEV_WARM_UP: z.enum(['on', 'off']).default('on'),
  /** Console requests per user and minute (with a burst of ten seconds' worth). */
  FORGE_PREVIEW_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),

  DATABASE_URL: optionalString.pipe(z.string().url().optional()),

  ...clientEnvSchema.shape,
  SUPABASE_SERVICE_ROLE_KEY: optionalString,

  TRIGGER_SECRET_KEY: optionalString,
  TRIGGER_PROJECT_REF: optionalString,
  /** Self-hosted Trigger.dev; the SDK's default (the hosted service) otherwise. */
  TRIGGER_API_URL: optionalString.pipe(z.string().url().optional()),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.string().url().optional()),
  OPENAI_MODEL: z.string().default('gpt-4o'),
  /** Prices that replace or add to DEFAULT_MODEL_PRICES (src/shared/model-prices.ts); read through `modelPrices`. */
  FORGE_MODEL_PRICES: optionalString.pipe(modelPricesSchema.optional()),
  /**
   * A version stops with the reason `budget` once its model calls together (prompt + completion tokens of every
   * call: plan, files, continuations, re-requests) pass this. Unset: no limit.
   */
  FORGE_MAX_TOKENS_PER_VERSION: optionalString.pipe(
    z.string().transform(Number).pipe(z.number('must be a whole number of tokens').int().positive()).optional(),
  ),

  E2B_API_KEY: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export interface Backends {
  database: 'pglite' | 'postgres';
  stream: 'long-poll' | 'supabase-realtime';
  jobs: 'local-queue' | 'postgres' | 'trigger.dev';
  model: 'offline' | 'openai';
  sandbox: 'local' | 'e2b' | 'skip';
  users: 'local' | 'supabase-auth';
}

export function decideBackends(env: Env): Backends {
  const supabase = supabasePublicConfig(env) !== null;
  return {
    database: env.DATABASE_URL ? 'postgres' : 'pglite',
    stream: supabase && env.SUPABASE_SERVICE_ROLE_KEY ? 'supabase-realtime' : 'long-poll',
    // PGlite lives in one process, so its queue does too; a shared Postgres lets many processes share the work.
    jobs: env.TRIGGER_SECRET_KEY ? 'trigger.dev' : env.DATABASE_URL ? 'postgres' : 'local-queue',
    // A base URL alone is enough: local OpenAI-compatible servers (Ollama, LM Studio) take any key.
    model: env.OPENAI_API_KEY || env.OPENAI_BASE_URL ? 'openai' : 'offline',
    sandbox: env.FORGE_SANDBOX === 'skip' ? 'skip' : env.E2B_API_KEY ? 'e2b' : 'local',
    users: supabase ? 'supabase-auth' : 'local',
  };
}

/** The price table versions are costed with: FORGE_MODEL_PRICES over the dated defaults, names in lower case. */
export function modelPrices(config: Pick<Env, 'FORGE_MODEL_PRICES'>): ModelPriceTable {
  const overrides = Object.entries(config.FORGE_MODEL_PRICES ?? {}).map(([name, price]) => [name.trim().toLowerCase(), price] as const);
  return { ...DEFAULT_MODEL_PRICES, ...Object.fromEntries(overrides) };
}

function parseWith<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  return result.data;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(envSchema, source);
}

export type ClientEnv = z.infer<typeof clientEnvSchema>;

/** Supabase's URL and public key when both are set (connected mode); null in embedded mode. */
export function supabasePublicConfig(config: ClientEnv): { url: string; anonKey: string } | null {
  const url = config.NEXT_PUBLIC_SUPABASE_URL;
  const anonKey = config.NEXT_PUBLIC_SUPABASE_ANON_KEY;
  return url && anonKey ? { url, anonKey } : null;
}

/** Reading a server variable in the browser is a bug; this makes it a loud one. */
function serverOnly<T extends object>(): T {
  return new Proxy({} as T, {
    get(_target, key) {
      throw new Error(`env.${String(key)} is a server variable; the browser reads clientEnv only.`);
    },
  });
}

const onServer = typeof window === 'undefined';

export const env: Env = onServer ? parseEnv(process.env) : serverOnly<Env>();
export const backends: Backends = onServer ? decideBackends(env) : serverOnly<Backends>();
// Each variable written out in full: Next inlines only `process.env.NEXT_PUBLIC_…` spelled so.
export const clientEnv: ClientEnv = parseWith(clientEnvSchema, {
  NEXT_PUBLIC_SUPABASE_URL: process.env.NEXT_PUBLIC_SUPABASE_URL,
  NEXT_PUBLIC_SUPABASE_ANON_KEY: process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY,
});
