// A project's saved checks as a requests.http file, the format VS Code's REST Client and the
// JetBrains HTTP client both read: file variables (`@name = value`), requests separated by `###`,
// a request line, headers, a blank line and the body. Pure: the server's export builds it.
import type { SavedCheck } from '@/types/api-checks';
import type { PreviewQuery } from '@/types/preview';

export interface MaskedValue {
  /** The variable the value is written as: `{{NAME}}`. */
  name: string;
  value: string;
}

export interface RequestsHttpOptions {
  /** Where the requests go: the value of `@baseUrl`. */
  baseUrl: string;
  /**
   * Values that must not be written out (a project's env values): each occurrence becomes
   * `{{NAME}}`, and NAME is declared empty at the top for the reader to fill in.
   */
  maskedValues?: readonly MaskedValue[];
}

const BASE_URL_VARIABLE = 'baseUrl';

/** The console sends a body as JSON unless a content-type header says otherwise; the file must say so too. */
const DEFAULT_CONTENT_TYPE = 'application/json';

interface Needle {
  form: string;
  variable: string;
}

/**
 * Replaces masked values with their variables and remembers which were used. A value is looked for
 * as typed, inside a JSON string and URL-encoded: the forms it takes in a body, a header or a path.
 */
class Masker {
  readonly used = new Set<string>();
  private readonly pattern: RegExp | null;
  private readonly variableOf = new Map<string, string>();

  constructor(values: readonly MaskedValue[]) {
    const needles: Needle[] = values
      .filter(({ value }) => value !== '')
      .flatMap(({ name, value }) => {
        // `{{baseUrl}}` already names where the API runs; an env var of that name gets its own.
        const variable = name === BASE_URL_VARIABLE ? `env_${name}` : name;
        const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]);
        return [...forms].map((form) => ({ form, variable }));
      })
      // Longest first: the regex takes the first alternative that matches, so a value containing
      // another is masked whole.
      .sort((a, b) => b.form.length - a.form.length);
    for (const { form, variable } of needles) if (!this.variableOf.has(form)) this.variableOf.set(form, variable);
    this.pattern = needles.length === 0 ? null : new RegExp(`(${needles.map(({ form }) => escapeRegExp(form)).join('|')})`, 'g');
  }

  /** `text` with every masked value written as its variable. */
  mask(text: string): string {
    return this.maskPieces(text, (piece) => piece);
  }

  /** Like mask, with what is not masked passed through `encode` (a query value is form-encoded, the variables are not). */
  maskPieces(text: string, encode: (piece: string) => string): string {
    if (!this.pattern) return encode(text);
    // split with a capturing group alternates: text, match, text, match, ..., text.
    return text
      .split(this.pattern)
      .map((piece, index) => (index % 2 === 0 ? encode(piece) : this.variable(piece)))
      .join('');
  }

  private variable(form: string): string {
    const variable = this.variableOf.get(form)!;
    this.used.add(variable);
    return `{{${variable}}}`;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One query value (or name) as URLSearchParams writes it, which is how the server builds the URL it sends. */
function formEncode(text: string): string {
  return new URLSearchParams([['', text]]).toString().slice(1);
}

function queryText(query: PreviewQuery, masker: Masker): string {
  const pairs: string[] = [];
  for (const [name, values] of Object.entries(query)) {
    for (const value of Array.isArray(values) ? values : [values]) {
      pairs.push(`${formEncode(name)}=${masker.maskPieces(value, formEncode)}`);
    }
  }
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** A comment is one line: a line break inside a name would start a request line of its own. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

function requestBlock(check: SavedCheck, masker: Masker): string {
  const lines = [`### ${masker.mask(oneLine(check.name))}`, `# expect: ${check.expectStatus}`];
  if (check.expectJson !== null && check.expectJson !== undefined) lines.push(`# expect JSON within the answer: ${masker.mask(JSON.stringify(check.expectJson))}`);
  lines.push(`${check.method} {{${BASE_URL_VARIABLE}}}${masker.mask(check.path)}${queryText(check.query, masker)}`);

  const headers = Object.entries(check.headers);
  for (const [name, value] of headers) lines.push(`${name}: ${masker.mask(value)}`);
  if (check.body !== null) {
    if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) lines.push(`Content-Type: ${DEFAULT_CONTENT_TYPE}`);
    lines.push('', masker.mask(check.body));
  }
  return lines.join('\n');
}

/** The whole file: a header comment, the variables, then one block per check in the order given. */
export function formatRequestsHttp(checks: readonly SavedCheck[], options: RequestsHttpOptions): string {
  const masker = new Masker(options.maskedValues ?? []);
  // The blocks first: they decide which variables are used.
  const blocks = checks.map((check) => requestBlock(check, masker));

  const head = [
    '# The saved checks of this API, as requests for VS Code\'s REST Client or a JetBrains IDE\'s HTTP client.',
    '# Every new version\'s validation sends them; "# expect" says what each one expects back.',
    '',
    '# Set this to where the API runs (for example, start it with PORT=8080 npm start).',
    `@${BASE_URL_VARIABLE} = ${options.baseUrl.replace(/\/+$/, '')}`,
  ];
  const variables = [...masker.used].sort();
  if (variables.length > 0) {
    head.push('', '# Values of the project\'s env vars are not written here: fill these in before sending.');
    for (const variable of variables) head.push(`@${variable} =`);
  }
  return `${[head.join('\n'), ...blocks].join('\n\n')}\n`;
}
