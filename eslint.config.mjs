import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// The layers of docs/architecture.md, enforced: each block names what a folder may not import.
// Aliased (`@/…`) and relative spellings are both listed, so a `../` path cannot slip past.
const folder = (name) => [`@/${name}`, `@/${name}/**`, ...['../', '../../', '../../../'].flatMap((up) => [`${up}${name}`, `${up}${name}/**`])];
const layer = (names, message) => ({ group: names.flatMap(folder), message });

const serverSide = ['server', 'db', 'generation', 'jobs', 'preview', 'stream', 'api-description'];
const ui = ['app', 'components', 'hooks', 'workspace', 'trpc', 'lib'];
const IO_MODULES = [
  'node:fs', 'node:fs/*', 'fs', 'fs/*', 'node:child_process', 'child_process', 'node:net', 'net', 'node:http', 'http',
  'node:https', 'https', 'node:worker_threads', 'worker_threads', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/*',
  'postgres', 'openai', 'openai/*', '@e2b/*', '@trigger.dev/*', '@supabase/*', 'ws',
];

/**
 * `@typescript-eslint/no-restricted-imports`, so a type-only import (the tRPC router's type) stays
 * allowed where asked. Tests are exempt: an integration test wires the whole app on purpose.
 */
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const restrict = (files, patterns, { allowTypeImports = false } = {}) => ({
  files,
  ignores: TESTS,
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((pattern) => ({ ...pattern, allowTypeImports })) }],
  },
});

const UI_RULES = [
  layer(serverSide, 'Browser code reaches the server through tRPC only (docs/architecture.md, "Layers").'),
  { group: ['@/env'], importNames: ['env', 'backends'], message: 'The browser reads clientEnv only; server variables stay on the server.' },
];

const GENERATION_RULES = [
  layer(['server', 'jobs', ...ui], 'Generation and previews never import the web server, the job wiring or the UI (docs/architecture.md, "Layers").'),
];

/**
 * understand → plan → render → answer: each stage may not import a later one; schema/ imports none.
 * A later block replaces an earlier one's options for the same rule, so these repeat the generation rules.
 */
function offlineStages() {
  const stages = ['understand', 'plan', 'render', 'answer'];
  const later = (index) => stages.slice(index + 1);
  return [...stages.map((stage, index) => [stage, later(index)]), ['schema', stages]]
    .filter(([, forbidden]) => forbidden.length > 0)
    .map(([stage, forbidden]) =>
      restrict([`src/generation/offline/${stage}/**`], [
        ...GENERATION_RULES,
        { group: forbidden.map((name) => `../${name}/**`), message: `The offline generator's ${stage} stage may not import a later stage (docs/architecture.md, "Offline generator").` },
      ]),
    );
}

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['node_modules/**', '.next/**', '.next-*/**', '.next-e2e/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // UI runs in the browser: it reaches the server through tRPC only (the router's type is allowed).
  restrict(['src/app/**/*.tsx', 'src/components/**', 'src/trpc/**', 'src/lib/**'], UI_RULES, { allowTypeImports: true }),
  // Hooks and the workspace's state sit below the components that use them.
  restrict(
    ['src/hooks/**', 'src/workspace/**'],
    [...UI_RULES, layer(['components', 'app'], 'Hooks and workspace state sit below the components that use them (docs/architecture.md, "Layers").')],
    { allowTypeImports: true },
  ),
  // Generation and previews run in the web server or a worker, and never know the web server.
  restrict(['src/generation/**', 'src/preview/**', 'src/api-description/**', 'src/api-checks/**'], GENERATION_RULES),
  // The database layer is the bottom of the I/O stack.
  restrict(['src/db/**', 'src/stream/**'], [
    layer(['server', 'generation', 'jobs', 'preview', ...ui], 'db/ and stream/ sit below everything that uses them (docs/architecture.md, "Layers").'),
  ]),
  // Job wiring builds generation; the web server builds on it, never the reverse.
  restrict(['src/jobs/**', 'trigger/**'], [
    layer(['server', ...ui], 'Jobs and the Trigger.dev worker never import the web server or the UI (docs/architecture.md, "Layers").'),
    { group: ['server', ...ui].map((name) => `../src/${name}/**`), message: 'The Trigger.dev worker never imports the web server or the UI.' },
  ]),
  // The offline generator's stages run in order; a stage imports only earlier ones and schema/.
  ...offlineStages(),
  // Pure code: no I/O, no other layer. The browser, the CLI and the server all import it.
  restrict(
    ['src/versioning/**', 'src/types/**', 'src/shared/**'],
    [
      layer([...serverSide, ...ui, 'cli', 'env'], 'Pure code imports only other pure code (docs/architecture.md, "Layers").'),
      { group: IO_MODULES, message: 'Pure code does no I/O: take the data as an argument instead.' },
    ],
  ),
  // The CLI is a tRPC client: the router's type, and the shared pure code.
  restrict(['src/cli/**'], [layer(['server', 'db', 'generation', 'jobs', 'preview', 'stream', ...ui], 'The CLI talks to the server through tRPC only.')], {
    allowTypeImports: true,
  }),
];

export default config;
