// When an install begun ahead from package.json alone gives what installing with all the files
// would (docs/architecture.md, "Flow of one version"), and how its check says it overlapped the
// writing. Pure: both sandboxes use it.
import type { FileMap } from '@/types/versioning';
import { seconds } from './report-text';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'overrides'] as const;
/** file:, link:, git+file:, or a path: a dependency on files that are not written yet. */
const LOCAL_SPEC = /^(?:file:|link:|git\+file:|\.{1,2}(?:\/|$)|\/|~\/)/;
/** Files besides package.json that change what npm install does. */
const OTHER_INSTALL_INPUTS = ['package-lock.json', 'npm-shrinkwrap.json', '.npmrc'];

/** Why `packageJson` cannot be installed before the other files exist, or null when it can. */
export function installAheadProblem(packageJson: string): string | null {
  let manifest: unknown;
  try {
    manifest = JSON.parse(packageJson);
  } catch {
    return 'package.json is not valid JSON';
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return 'package.json is not a JSON object';
  const fields = manifest as Record<string, unknown>;
  if (fields.workspaces !== undefined) return 'package.json declares workspaces';
  for (const field of DEPENDENCY_FIELDS) {
    const local = findLocalSpec(fields[field]);
    if (local !== undefined) return `${field} names a local path (${JSON.stringify(local)})`;
  }
  return null;
}

/** A dependency spec (at any depth, as overrides nest) that points at local files. */
function findLocalSpec(value: unknown): string | undefined {
  if (typeof value === 'string') return LOCAL_SPEC.test(value.trim()) ? value : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const nested of Object.values(value)) {
    const local = findLocalSpec(nested);
    if (local !== undefined) return local;
  }
  return undefined;
}

/**
 * Whether an install of `packageJson` alone is the install of `files`: the same package.json to the
 * byte, and no lockfile, .npmrc or node_modules/ file among them, since npm would have read those.
 */
export function preparedInstallFits(packageJson: string, files: FileMap): boolean {
  if (files['package.json'] !== packageJson) return false;
  return !Object.keys(files).some((file) => OTHER_INSTALL_INPUTS.includes(file) || file.startsWith('node_modules/'));
}

/** The files still to write on top of an install begun ahead. */
export function filesBesidesPackageJson(files: FileMap): FileMap {
  const { 'package.json': _installed, ...rest } = files;
  return rest;
}

export interface InstallAheadTiming {
  /** When npm began, and when it ended. */
  startedAt: number;
  finishedAt: number;
  /** When validation was asked for: the moment the files were done. */
  filesDoneAt: number;
}

/** Appended to a passed install's detail, so the person sees the overlap; undefined when there was none. */
export function installAheadNote(timing: InstallAheadTiming): string | undefined {
  const { startedAt, finishedAt, filesDoneAt } = timing;
  if (finishedAt <= filesDoneAt) return `installed while the files were written; ${seconds(filesDoneAt - finishedAt)} before they were done`;
  if (startedAt < filesDoneAt) return `began while the files were written, ${seconds(filesDoneAt - startedAt)} before they were done`;
  return undefined;
}
