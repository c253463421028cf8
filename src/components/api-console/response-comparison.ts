// Two versions' answers to the same request, as a line diff with the code compare view's rules. Pure.
import type { PreviewResponse } from '@/types/preview';
import { compareFileMaps, type FileComparison } from '@/versioning/compare';
import { formatBytes, prettyBody } from '@/shared/response-format';

/**
 * Headers that differ between any two answers, even from the same code: clocks, connection
 * handling, lengths that follow the body (which is compared itself), per-request ids and timings.
 */
export const VOLATILE_HEADERS: ReadonlySet<string> = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'etag',
  'x-request-id',
  'x-response-time',
]);

/** The status line, the lasting headers sorted by name, a blank line, then the body as the console shows it. */
export function responseText(response: PreviewResponse): string {
  const headers = response.headers
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !VOLATILE_HEADERS.has(name))
    // Stable, so repeated headers (one Set-Cookie per cookie) keep their order.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const contentType = headers.find(([name]) => name === 'content-type')?.[1] ?? null;
  const lines = [`HTTP ${response.status} ${response.statusText}`.trimEnd(), ...headers.map(([name, value]) => `${name}: ${value}`), ''];
  if (response.binary) {
    lines.push(`[binary body, ${formatBytes(response.bodyBytes)}]`);
  } else {
    lines.push(prettyBody(response.body, contentType).text);
    // Two answers cut at the same limit may differ after it; the diff must not claim they are equal there.
    if (response.truncated) lines.push(`[cut after ${formatBytes(response.bodyBytes)}]`);
  }
  return lines.join('\n');
}

/** `label` names the compared "file" (e.g. "GET /authors"); 'unchanged' when the answers match. */
export function compareResponses(from: PreviewResponse, to: PreviewResponse, label: string): FileComparison {
  const [comparison] = compareFileMaps({ [label]: responseText(from) }, { [label]: responseText(to) });
  return comparison!;
}
