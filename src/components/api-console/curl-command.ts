// A console request as a curl command a person can paste into a POSIX shell. Pure.
import type { PreviewMethod, PreviewQuery } from '@/types/preview';

export interface CurlRequest {
  method: PreviewMethod;
  path: string;
  query?: PreviewQuery;
  headers?: Readonly<Record<string, string>>;
  /** null (as history entries store "no body") and undefined both mean no body. */
  body?: string | null;
}

/**
 * One shell word that stands for exactly `text`: inside single quotes nothing is special ($, `, \,
 * newlines), and a single quote itself is closed, escaped and reopened.
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The query as the server's URL builder encodes it: one `name=value` per value, in order. */
export function queryString(query: PreviewQuery | undefined): string {
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(query ?? {})) {
    for (const value of Array.isArray(values) ? values : [values]) params.append(name, value);
  }
  return params.toString();
}

/** `/books?limit=2`: the path with its query, as a history row or a title shows it. */
export function pathWithQuery(path: string, query: PreviewQuery | undefined): string {
  const search = queryString(query);
  return search ? `${path}?${search}` : path;
}

// curl reads [ ] { } in a URL as ranges and lists to expand; a path holding them must go out as typed.
const GLOB_CHARACTERS = /[[\]{}]/;

/** `curl -X POST 'http://…/books' -H '…' --data-raw '…'`: the request as the console sends it. */
export function curlCommand(request: CurlRequest, baseUrl: string): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${pathWithQuery(request.path, request.query)}`;
  const hasBody = request.body !== undefined && request.body !== null;
  const words = ['curl'];

  // `-X HEAD` would make curl wait for a body a HEAD answer never has; --head asks for headers only.
  if (request.method === 'HEAD') words.push('--head');
  // GET is curl's default, unless a body is given: then curl would switch to POST on its own.
  else if (request.method !== 'GET' || hasBody) words.push('-X', request.method);

  if (GLOB_CHARACTERS.test(url)) words.push('--globoff');
  words.push(shellQuote(url));

  const headers = Object.entries(request.headers ?? {});
  for (const [name, value] of headers) {
    // `-H 'name:'` tells curl to drop the header; `name;` is its spelling for an empty value.
    words.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  }
  if (hasBody) {
    // The server sends JSON's content type when none is given; the command must say so too.
    if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) {
      words.push('-H', shellQuote('content-type: application/json'));
    }
    // --data-raw, unlike -d, does not read a file when the body starts with "@".
    words.push('--data-raw', shellQuote(request.body!));
  }
  return words.join(' ');
}
