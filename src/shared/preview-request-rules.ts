// What a console request may be, checked before it leaves the server: it goes to the preview's own
// origin and nowhere else, and it cannot pose as another host. Pure, so the workspace can say what
// is wrong before sending, and the server refuses the same things.
import { MAX_PREVIEW_PATH_LENGTH } from './preview-limits';

/** Why `path` cannot be requested, or null. */
export function previewPathProblem(path: string): string | null {
  if (!path.startsWith('/')) return 'The path must start with "/" (e.g. /books): only the preview itself can be called.';
  if (path.startsWith('//')) return 'The path cannot start with "//": that would name another host.';
  if (path.length > MAX_PREVIEW_PATH_LENGTH) return `Keep the path under ${MAX_PREVIEW_PATH_LENGTH} characters.`;
  // URL parsers read "\" as "/" in http URLs, so "/\evil.example" would leave the preview.
  if (path.includes('\\')) return 'The path cannot contain "\\".';
  if (/[\u0000-\u0020\u007f]/.test(path)) return 'The path cannot contain spaces or control characters; encode them (%20).';
  if (path.includes('?')) return 'Put query parameters in the query, not in the path.';
  if (path.includes('#')) return 'The path cannot contain "#": fragments are never sent to a server.';
  return null;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Headers the console refuses: the ones that would point the request at another host, and the
 * ones that belong to the connection, which the server sets itself.
 */
const REFUSED_HEADERS = new Map<string, string>([
  ['host', 'The Host header cannot be set: requests always go to the preview.'],
  ['x-forwarded-host', 'X-Forwarded-Host cannot be set: requests always go to the preview.'],
  ['forwarded', 'Forwarded cannot be set: requests always go to the preview.'],
  ['content-length', 'Content-Length is set from the body.'],
  ['transfer-encoding', 'Transfer-Encoding is set by the server.'],
  ['connection', 'Connection is set by the server.'],
  ['keep-alive', 'Keep-Alive is set by the server.'],
  ['upgrade', 'Upgrade is not supported by the console.'],
  ['te', 'TE is set by the server.'],
  ['trailer', 'Trailer is not supported by the console.'],
  ['expect', 'Expect is not supported by the console.'],
]);

/** Why a header cannot be sent, or null. */
export function previewHeaderProblem(name: string, value: string): string | null {
  if (!TOKEN.test(name)) return `"${name.slice(0, 40)}" is not a valid header name.`;
  const lower = name.toLowerCase();
  const refused = REFUSED_HEADERS.get(lower);
  if (refused) return refused;
  if (lower.startsWith('proxy-')) return `${name} cannot be set: there is no proxy between the console and the preview.`;
  if (/[\u0000\r\n]/.test(value)) return `The value of ${name} cannot contain line breaks or NUL.`;
  return null;
}
