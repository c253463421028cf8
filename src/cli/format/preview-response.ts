// `forge call`: a preview's response as the terminal shows it, like curl -i or httpie: the status
// line, the headers when asked for, then the body, JSON pretty-printed.
import { MAX_PREVIEW_RESPONSE_BODY_BYTES } from '@/shared/preview-limits';
import { prettyBody, statusTone, type StatusTone } from '@/shared/response-format';
import type { PreviewResponse } from '@/types/preview';
import type { Paint } from './paint';

type ShownResponse = Pick<PreviewResponse, 'status' | 'statusText' | 'headers' | 'body' | 'bodyBytes' | 'binary' | 'truncated'>;

const STATUS_COLOURS: Record<StatusTone, keyof Paint> = {
  informational: 'green',
  success: 'green',
  redirect: 'cyan',
  'client-error': 'yellow',
  'server-error': 'red',
};

function statusColor(status: number, paint: Paint): (text: string) => string {
  return paint[STATUS_COLOURS[statusTone(status)]] as (text: string) => string;
}

/** `HTTP 201 Created`; a response without a reason phrase (HTTP/2 has none) shows the number only. */
export function renderStatusLine(response: Pick<PreviewResponse, 'status' | 'statusText'>, paint: Paint): string {
  const line = `HTTP ${response.status}${response.statusText.trim() ? ` ${response.statusText.trim()}` : ''}`;
  return paint.bold(statusColor(response.status, paint)(line));
}

/**
 * JSON indented by two spaces, as the workspace shows it (from the text itself, so a number beyond
 * 2^53 or a repeated key stays as the API sent it); anything else, or a body cut at the limit, as it came.
 */
export function renderBody(response: ShownResponse): string {
  if (response.binary) return `[binary body, ${response.bodyBytes} bytes not shown]\n`;
  if (response.body === '') return '';
  const contentType = response.headers.find(([name]) => name === 'content-type')?.[1] ?? null;
  const { text } = prettyBody(response.body, contentType);
  // The status line and notes are whole lines, so the body ends with a line break as well.
  return text.endsWith('\n') ? text : `${text}\n`;
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
