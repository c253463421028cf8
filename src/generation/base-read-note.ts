// The activity line for reading the base version ("Read src/index.ts, package.json and 12 more
// files"): the files a person would look at first are named, the rest counted. Pure.

/** Files named before the rest: the entry point and the manifest say most about an API. */
const FIRST_FILES = ['src/index.ts', 'src/index.js', 'package.json'];
const NAMED_FILES = 3;

export function baseReadNote(paths: readonly string[]): string {
  if (paths.length === 0) return 'The base version has no files';
  const ordered = [...paths].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const named = ordered.slice(0, NAMED_FILES);
  const rest = ordered.length - named.length;
  if (rest === 0) return `Read ${joinNames(named)}`;
  return `Read ${named.join(', ')} and ${rest} more ${rest === 1 ? 'file' : 'files'}`;
}

function rank(path: string): number {
  const index = FIRST_FILES.indexOf(path);
  return index === -1 ? FIRST_FILES.length : index;
}

function joinNames(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
