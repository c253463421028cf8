// A project's env values may be printed by the API it configures (a careless console.log, a stack
// trace of a failed connection string, a route that echoes its config). Everything a client can
// see of a sandbox run (check details, log tails, probe excerpts) passes through this mask first.

/**
 * Values shorter than this are not masked: hiding every "1" or "on" in a log would make it
 * unreadable, and such values are flags, not secrets.
 */
export const MIN_MASKED_VALUE_LENGTH = 4;

export type Redact = (text: string) => string;

export const noRedaction: Redact = (text) => text;

interface Needle {
  form: string;
  replacement: string;
}

/** The forms a value takes in output: as is, inside a JSON string, and URL-encoded. */
function printedForms(value: string): string[] {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]);
  return [...forms].filter((form) => form.length >= MIN_MASKED_VALUE_LENGTH);
}

/** Where `line` ends with the start of `form` (at least the minimum length), or -1. */
function cutStartAt(line: string, form: string): number {
  const first = form.charCodeAt(0);
  for (let index = Math.max(0, line.length - form.length + 1); index <= line.length - MIN_MASKED_VALUE_LENGTH; index++) {
    if (line.charCodeAt(index) === first && form.startsWith(line.slice(index))) return index;
  }
  return -1;
}

/** How long a start of `line` is that is the end of `form` (at least the minimum length), or 0. */
function cutEndLength(line: string, form: string): number {
  const first = line.charCodeAt(0);
  for (let index = 1; index <= form.length - MIN_MASKED_VALUE_LENGTH; index++) {
    const length = form.length - index;
    if (form.charCodeAt(index) === first && length <= line.length && line.startsWith(form.slice(index))) return length;
  }
  return 0;
}

/**
 * Output is cut in places (a log tail's start, an excerpt's end before "…"), and a cut can fall
 * inside a value. A line that ends with the start of a value, or starts with its end, has that
 * piece masked too.
 */
function maskCutPieces(line: string, needles: readonly Needle[]): string {
  const ellipsis = line.endsWith('…') ? '…' : '';
  let body = ellipsis ? line.slice(0, -1) : line;
  for (const { form, replacement } of needles) {
    const start = cutStartAt(body, form);
    if (start !== -1) body = body.slice(0, start) + replacement;
    const length = cutEndLength(body, form);
    if (length > 0) body = replacement + body.slice(length);
  }
  return body + ellipsis;
}

/** A mask for `values` (name → value). With nothing to mask it returns text unchanged. */
export function createRedactor(values: Readonly<Record<string, string>>): Redact {
  const needles: Needle[] = Object.entries(values)
    .flatMap(([name, value]) => printedForms(value).map((form) => ({ form, replacement: `[hidden: ${name}]` })))
    // Longest first, so a value that contains another is masked whole.
    .sort((a, b) => b.form.length - a.form.length);
  if (needles.length === 0) return noRedaction;
  return (text) => {
    let masked = text;
    for (const { form, replacement } of needles) {
      if (masked.includes(form)) masked = masked.split(form).join(replacement);
    }
    return masked
      .split('\n')
      .map((line) => maskCutPieces(line, needles))
      .join('\n');
  };
}
