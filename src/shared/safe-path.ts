// Decides whether a path the model wrote may become a file of a version (docs/architecture.md, "Model output").
// The paths end up in ZIP downloads and in sandbox temp dirs, so anything that could escape the
// project folder, hide a file, or mean different things on different systems is refused, with a
// reason a person can read in the chat.

export type SafePathResult = { ok: true; path: string } | { ok: false; reason: string };

const MAX_PATH_LENGTH = 200;
const MAX_SEGMENT_LENGTH = 100;
/** Folders that belong to tooling, never to the generated source. */
const RESERVED_SEGMENTS = new Set(['node_modules', '.git']);

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** `C:\x`, `C:/x` and the drive-relative `C:x`. */
const WINDOWS_DRIVE = /^[A-Za-z]:/;

/** Quotes the path in reasons when it holds characters that would not print. */
function shown(path: string): string {
  return CONTROL_CHARACTER.test(path) ? JSON.stringify(path) : path;
}

/**
 * Accepts a relative, forward-slash path inside the project, or says why not. The only change it
 * makes is dropping one leading `./`, which means the same file to every tool.
 */
export function checkSafePath(rawPath: string): SafePathResult {
  // Every rule runs on the path as it will be used: "./C:" must be judged as "C:".
  const path = rawPath.startsWith('./') ? rawPath.slice(2) : rawPath;
  if (path.length === 0) return { ok: false, reason: 'the path is empty' };
  if (CONTROL_CHARACTER.test(path)) {
    return { ok: false, reason: `control characters are not allowed in paths: ${shown(path)}` };
  }
  if (path.trim() !== path) {
    return { ok: false, reason: `paths may not start or end with spaces: "${path}"` };
  }
  if (path.includes('\\')) return { ok: false, reason: `backslashes are not allowed, use "/": ${path}` };
  if (path.startsWith('/') || WINDOWS_DRIVE.test(path)) {
    return { ok: false, reason: `absolute paths are not allowed: ${path}` };
  }
  if (path.startsWith('~')) return { ok: false, reason: `home-folder paths are not allowed: ${path}` };

  if (path.length > MAX_PATH_LENGTH) {
    return { ok: false, reason: `the path is longer than ${MAX_PATH_LENGTH} characters: ${path.slice(0, 40)}...` };
  }
  for (const segment of path.split('/')) {
    if (segment === '') return { ok: false, reason: `empty path segments are not allowed: ${path}` };
    if (segment === '..') return { ok: false, reason: `".." is not allowed in paths: ${path}` };
    if (segment === '.') return { ok: false, reason: `"." segments are not allowed in paths: ${path}` };
    if (segment.length > MAX_SEGMENT_LENGTH) {
      return { ok: false, reason: `a path segment is longer than ${MAX_SEGMENT_LENGTH} characters: ${path.slice(0, 40)}...` };
    }
    if (RESERVED_SEGMENTS.has(segment)) return { ok: false, reason: `${segment}/ is managed by tools, not written: ${path}` };
  }
  return { ok: true, path };
}
