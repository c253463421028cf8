// The list-route helpers of a generated API, each present only with its feature: pagination
// (src/lib/pagination.ts) and filtering (src/lib/filtering.ts). Constant text.

export const PAGINATION_PATH = 'src/lib/pagination.ts';
export const FILTERING_PATH = 'src/lib/filtering.ts';

export const PAGINATION_TS = `// Pagination for list routes: ?page= (from 1) and ?pageSize= (1 to 100, default 20) pick a slice,
// and the answer says the total, so a client knows how many pages there are.
import { HttpError } from './http.js';

/** The query parameters pagination reads, so that filtering does not take them for fields. */
export const PAGE_PARAMS: readonly string[] = ['page', 'pageSize'];

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A whole number of 1 or more (up to \`max\` when given) from the query, or \`fallback\` when it is absent. */
function wholeNumber(query: URLSearchParams, name: string, fallback: number, max?: number): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < 1 || (max !== undefined && value > max)) {
    const range = max === undefined ? '1 or more' : \`from 1 to \${max}\`;
    throw new HttpError(400, \`\${name} must be a whole number \${range}\`);
  }
  return value;
}

export function paginate<T>(items: T[], query: URLSearchParams): Page<T> {
  const page = wholeNumber(query, 'page', 1);
  const pageSize = wholeNumber(query, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const start = (page - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), page, pageSize, total: items.length };
}
`;

export const FILTERING_TS = `// Filtering for list routes: ?title=Dune&inStock=true keeps the items whose fields equal those
// values. An unknown parameter is a 400 rather than ignored, so a typo never quietly returns everything.
import { HttpError } from './http.js';

export type FilterType = 'string' | 'number' | 'boolean';

function parseValue(name: string, type: FilterType, text: string): string | number | boolean {
  if (type === 'string') return text;
  if (type === 'number') {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new HttpError(400, \`\${name} must be a number\`);
    return value;
  }
  if (text !== 'true' && text !== 'false') throw new HttpError(400, \`\${name} must be true or false\`);
  return text === 'true';
}

/**
 * The items matching every ?field=value of the query. \`filters\` maps each filterable field to its
 * type; \`otherParams\` are parameters another feature reads, such as page and pageSize.
 */
export function filterItems<T extends object>(
  items: T[],
  query: URLSearchParams,
  filters: ReadonlyMap<string, FilterType>,
  otherParams: readonly string[] = [],
): T[] {
  const conditions: Array<[string, string | number | boolean]> = [];
  for (const [name, text] of query) {
    if (otherParams.includes(name)) continue;
    const type = filters.get(name);
    if (type === undefined) {
      const known = [...filters.keys()];
      const hint = known.length > 0 ? \`; these can be filtered: \${known.join(', ')}\` : '; this list cannot be filtered';
      throw new HttpError(400, \`Unknown query parameter "\${name}"\${hint}\`);
    }
    conditions.push([name, parseValue(name, type, text)]);
  }
  return items.filter((item) => conditions.every(([name, value]) => (item as Record<string, unknown>)[name] === value));
}
`;
