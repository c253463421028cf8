// Which env var names a project may set for its generated API, and how long a value may be. Pure:
// the server's input schema, the workspace form and the CLI all check the same rules.

export const MAX_ENV_NAME_LENGTH = 128;
export const MAX_ENV_VALUE_BYTES = 8 * 1024;
export const MAX_ENV_VARS_PER_PROJECT = 50;

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Names the sandbox sets itself (PATH, HOME, PORT ...) or that reach the programs which start the
 * sandbox before it isolates anything (LD_PRELOAD is read by the dynamic loader of bubblewrap).
 */
const RESERVED_NAMES = new Set(['PATH', 'HOME', 'TMPDIR', 'PORT', 'HOST', 'LANG']);
const RESERVED_PREFIXES = ['LD_', 'NPM_CONFIG_', 'BWRAP'];

/** Why `name` cannot be a project env var, or null when it can. */
export function envNameProblem(name: string): string | null {
  if (name.length === 0) return 'Give the variable a name.';
  if (name.length > MAX_ENV_NAME_LENGTH) return `Keep the name under ${MAX_ENV_NAME_LENGTH} characters.`;
  if (!NAME_PATTERN.test(name)) return 'A name has letters, digits and underscores, and does not start with a digit (e.g. JWT_SECRET).';
  const upper = name.toUpperCase();
  if (RESERVED_NAMES.has(upper) || RESERVED_PREFIXES.some((prefix) => upper.startsWith(prefix))) {
    return `${name} is set by the sandbox itself and cannot be changed.`;
  }
  return null;
}

/** Why `value` cannot be stored, or null when it can. */
export function envValueProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'A value cannot contain NUL characters.';
  if (new TextEncoder().encode(value).length > MAX_ENV_VALUE_BYTES) return `Keep the value under ${MAX_ENV_VALUE_BYTES / 1024} KB.`;
  return null;
}
