// A version's files as a ZIP download, for the CLI and the browser alike: pure, no node: imports.
// Every entry name goes through checkSafePath, so an archive can never hold a name that extracts
// outside its folder (`..`, absolute, drive letters, backslashes) or one with control characters.
import { Zip, ZipDeflate } from 'fflate';
import { checkSafePath, type SafePathResult } from '@/shared/safe-path';
import type { FileMap } from '@/types/versioning';

export interface SkippedZipEntry {
  path: string;
  reason: string;
}

export interface VersionZip {
  bytes: Uint8Array;
  /** Entry names in the archive, root folder included, sorted. */
  entries: string[];
  /** Files left out, with why; the caller tells the person. */
  skipped: SkippedZipEntry[];
}

/** A single folder name, safe in every archive tool: `bookstore-api-v3`. */
export function zipFolderName(projectName: string, versionNumber: number): string {
  const slug = projectName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // the accents NFKD split off: `ü` → `u`
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
    .toLowerCase();
  return `${slug || 'api'}-v${versionNumber}`;
}

function checkRootFolder(rootFolder: string): void {
  const safe = checkSafePath(rootFolder);
  if (!safe.ok || safe.path !== rootFolder || rootFolder.includes('/')) {
    throw new RangeError(`The ZIP root folder must be one plain folder name, not "${rootFolder}" (see zipFolderName).`);
  }
}

/**
 * checkSafePath, and again on its own answer: it drops a leading `./` after its drive-letter and
 * home-folder checks, so `./C:` would otherwise come out as the drive-relative `C:`.
 */
function checkEntryPath(rawPath: string): SafePathResult {
  const first = checkSafePath(rawPath);
  return first.ok ? checkSafePath(first.path) : first;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether one of two checked paths is the other, or a folder the other sits in. */
const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/**
 * Builds the archive. Entries go in sorted by their checked path, so a parent is seen before
 * anything under it: a file whose path runs through another file (`a` and `a/b`) could not be
 * extracted and is skipped, as is a second spelling of one path (`./a` and `a`).
 *
 * `extraFiles` are files the download adds beside the version's own (`requests.http`), at the same
 * root. The version's files win: an extra whose path one of them already takes (as a file or a
 * folder) is left out without a word, since nothing of the version is lost.
 */
export function buildVersionZip(files: FileMap, rootFolder?: string, extraFiles: Readonly<FileMap> = {}): VersionZip {
  if (rootFolder !== undefined) checkRootFolder(rootFolder);
  const prefix = rootFolder === undefined ? '' : `${rootFolder}/`;
  const skipped: SkippedZipEntry[] = [];
  const candidates: Array<{ rawPath: string; path: string; text: string }> = [];
  for (const rawPath of Object.keys(files).sort(byCodeUnits)) {
    const safe = checkEntryPath(rawPath);
    if (safe.ok) candidates.push({ rawPath, path: safe.path, text: files[rawPath]! });
    else skipped.push({ path: rawPath, reason: safe.reason });
  }
  const versionPaths = candidates.map((candidate) => candidate.path);
  for (const rawPath of Object.keys(extraFiles).sort(byCodeUnits)) {
    const safe = checkEntryPath(rawPath);
    if (!safe.ok) skipped.push({ path: rawPath, reason: safe.reason });
    else if (!versionPaths.some((path) => overlaps(path, safe.path))) candidates.push({ rawPath, path: safe.path, text: extraFiles[rawPath]! });
  }
  candidates.sort((a, b) => byCodeUnits(a.path, b.path));

  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  // fflate's streaming Zip rather than zipSync: zipSync keys entries in a plain object, where a file
  // named `__proto__` would vanish. With ZipDeflate every callback runs synchronously.
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const written = new Set<string>();
  for (const { rawPath, path, text } of candidates) {
    if (written.has(path)) {
      skipped.push({ path: rawPath, reason: `another file is already named ${path}` });
      continue;
    }
    const segments = path.split('/');
    const folders = segments.slice(1).map((_, index) => segments.slice(0, index + 1).join('/'));
    const blockingFile = folders.find((folder) => written.has(folder));
    if (blockingFile !== undefined) {
      skipped.push({ path: rawPath, reason: `${blockingFile} is a file, so it cannot also be a folder` });
      continue;
    }
    written.add(path);
    const entry = new ZipDeflate(prefix + path, { level: 6 });
    zip.add(entry);
    entry.push(encoder.encode(text), true);
  }
  zip.end();

  return { bytes: concatenate(chunks), entries: [...written].map((path) => prefix + path), skipped };
}

function concatenate(chunks: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
