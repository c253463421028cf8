// How a response's body, size, duration and status are shown, in the workspace's console and by
// `forge call` alike. Pure; nothing here throws.

export interface PrettyBody {
  text: string;
  language: 'json' | 'text';
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b|^text\/json\b/i;

/**
 * JSON (said by the content type, or an object or array whatever the type says) re-indented with
 * two spaces; anything else as it came.
 */
export function prettyBody(body: string, contentType: string | null): PrettyBody {
  const declaredJson = contentType !== null && JSON_TYPE.test(contentType.trim());
  const trimmed = body.trim();
  const looksStructured = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (!declaredJson && !looksStructured) return { text: body, language: 'text' };
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (!declaredJson && (parsed === null || typeof parsed !== 'object')) return { text: body, language: 'text' };
  } catch {
    // A cut or broken body is shown as it came rather than half-formatted.
    return { text: body, language: 'text' };
  }
  return { text: reindentJson(trimmed), language: 'json' };
}

const JSON_WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Lays out valid JSON text with two-space indentation, as JSON.stringify(value, null, 2) would, but
 * from the text itself: a round trip through JSON.parse would round numbers beyond 2^53, merge
 * duplicate keys and rewrite escapes, and the console must show what the API really sent.
 */
function reindentJson(json: string): string {
  let out = '';
  let depth = 0;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let index = 0; index < json.length; index++) {
    const character = json[index]!;
    if (character === '"') {
      const end = stringEnd(json, index);
      out += json.slice(index, end);
      index = end - 1;
    } else if (character === '{' || character === '[') {
      const close = nextSignificant(json, index + 1);
      if (json[close] === (character === '{' ? '}' : ']')) {
        out += character === '{' ? '{}' : '[]';
        index = close;
      } else {
        depth++;
        out += character + newline();
      }
    } else if (character === '}' || character === ']') {
      depth--;
      out += newline() + character;
    } else if (character === ',') {
      out += ',' + newline();
    } else if (character === ':') {
      out += ': ';
    } else if (!JSON_WHITESPACE.has(character)) {
      out += character;
    }
  }
  return out;
}

/** The index just after the string literal that opens at `start`. */
function stringEnd(json: string, start: number): number {
  let index = start + 1;
  while (index < json.length && json[index] !== '"') index += json[index] === '\\' ? 2 : 1;
  return index + 1;
}

function nextSignificant(json: string, from: number): number {
  let index = from;
  while (index < json.length && JSON_WHITESPACE.has(json[index]!)) index++;
  return index;
}

const BYTE_UNITS = ['KB', 'MB', 'GB'];

/** "0 B", "154 B", "1.5 KB", "1.0 MB" (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes) || 0)} B`;
  let value = bytes / 1024;
  let unit = 0;
  // Moves up a unit when the rounded figure would read "1024.0 KB".
  while (unit < BYTE_UNITS.length - 1 && Number(value.toFixed(1)) >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** "12 ms" under a second, then "1.25 s", and "12.3 s" from ten seconds on. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 ms';
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return seconds < 9.995 ? `${seconds.toFixed(2)} s` : `${seconds.toFixed(1)} s`;
}

export type StatusTone = 'informational' | 'success' | 'redirect' | 'client-error' | 'server-error';

/** The class of an HTTP status, which the console colours. */
export function statusTone(status: number): StatusTone {
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  if (status >= 200) return 'success';
  return 'informational';
}
