// `forge call`: a preview's response as the terminal shows it, like curl -i or httpie: the status
// line, the headers when asked for, then the body, JSON pretty-printed.
import { MAX_PREVIEW_RESPONSE_BODY_BYTES } from '@/shared/preview-limits';
import type { PreviewResponse } from '@/types/preview';
import type { Paint } from './paint';

type ShownResponse = Pick<PreviewResponse, 'status' | 'statusText' | 'headers' | 'body' | 'bodyBytes' | 'binary' | 'truncated'>;

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b|^[\w.+-]+\/[\w.+-]+\+json\b/i;

function statusColor(status: number, paint: Paint): (text: string) => string {
  if (status >= 500) return paint.red;
  if (status >= 400) return paint.yellow;
  if (status >= 300) return paint.cyan;
  return paint.green;
}

/** `HTTP 201 Created`; a response without a reason phrase (HTTP/2 has none) shows the number only. */
export function renderStatusLine(response: Pick<PreviewResponse, 'status' | 'statusText'>, paint: Paint): string {
  const line = `HTTP ${response.status}${response.statusText.trim() ? ` ${response.statusText.trim()}` : ''}`;
  return paint.bold(statusColor(response.status, paint)(line));
}

/**
 * JSON (by its content type, or with none at all) indented by two spaces; anything else as it
 * came. A body cut at the limit is no longer valid JSON, so it stays as it came too.
 */
export function renderBody(response: ShownResponse): string {
  if (response.binary) return `[binary body, ${response.bodyBytes} bytes not shown]\n`;
  if (response.body === '') return '';
  const contentType = response.headers.find(([name]) => name === 'content-type')?.[1];
  if (contentType === undefined || JSON_TYPE.test(contentType.trim())) {
    try {
      return `${JSON.stringify(JSON.parse(response.body), null, 2)}\n`;
    } catch {
      // Not JSON after all: shown as it came.
    }
  }
  // The status line and notes are whole lines, so the body ends with a line break as well.
  return response.body.endsWith('\n') ? response.body : `${response.body}\n`;
}

/** What goes to stdout: the status line, with `showHeaders` the headers and a blank line, then the body. */
export function renderPreviewResponse(response: ShownResponse, options: { showHeaders: boolean; paint: Paint }): string {
  const headers = options.showHeaders ? `${response.headers.map(([name, value]) => `${name}: ${value}\n`).join('')}\n` : '';
  return `${renderStatusLine(response, options.paint)}\n${headers}${renderBody(response)}`;
}

/** For stderr, so the note never mixes with a body piped onward. */
export function describeTruncation(response: Pick<PreviewResponse, 'truncated' | 'bodyBytes'>): string | null {
  if (!response.truncated) return null;
  return `note: the body was cut at ${MAX_PREVIEW_RESPONSE_BODY_BYTES / (1024 * 1024)} MB (the response limit); only its first ${response.bodyBytes} bytes are shown.\n`;
}
