// The copy of the project that the bench builds and serves. `next build` and `next dev` rewrite the
// tsconfig.json and next-env.d.ts of the folder they run in (includes and route-type imports for
// their dist folder); run in a copy, those writes stay in the copy, and the checkout, which people
// and other tools are using meanwhile, is never touched.
//
// A copy lives under .data/ in the checkout: Node and Turbopack find the checkout's node_modules by
// walking up from it (no link, no install), and .data/ is ignored by git, tsc, ESLint and Vitest, so
// the copied sources are never checked or tested twice. package-lock.json stays out of the copy: Next
// takes the nearest lockfile's folder as its workspace root, which must be the one holding node_modules.
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What Next and the server read from the project folder: the sources, static files, the migrations
 * (the server applies supabase/migrations from its working directory at start-up) and the config.
 */
const COPIED_PATHS = ['src', 'public', 'supabase', 'next.config.mjs', 'package.json', 'tsconfig.json', 'postcss.config.mjs'];

/** What a build depends on: the copied paths, and the lockfile (the installed packages). */
export const BUILD_INPUTS = [...COPIED_PATHS, 'package-lock.json'];

/** The folder of the copy named `name` in the checkout at `root`. */
export function appCopyDir(root: string, name: string): string {
  return join(root, '.data', name);
}

/**
 * Makes `dir` hold the checkout's current files (with their modification times); anything else in
 * `dir`, such as a dist folder and its cache, stays.
 */
export function refreshAppCopy(root: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const path of COPIED_PATHS) {
    rmSync(join(dir, path), { recursive: true, force: true });
    if (statSync(join(root, path), { throwIfNoEntry: false })) {
      cpSync(join(root, path), join(dir, path), { recursive: true, preserveTimestamps: true });
    }
  }
}

/** The newest modification time (ms) of `path` or of anything under it; 0 if it does not exist. */
export function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) newest = Math.max(newest, newestMtime(join(path, entry.name)));
  return newest;
}
