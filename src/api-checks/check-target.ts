// Where checks send their requests, shared by validation (local and E2B) and by checks run against
// a live preview: the API's base URL, a deadline per request, and the server's output when this
// machine has it, so a failure can show the stack trace the API printed.
import type { ValidationCheck } from '@/types/versioning';
import { sendCheckRequest, type CheckRequest, type ExchangeResult } from './http-exchange';

export interface CheckTarget {
  baseUrl: string;
  /** Per request. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** The server's output since a mark: absent for hosted sandboxes, whose output is not at hand. */
  serverLog?: { mark(): number; since(mark: number): Promise<string> };
}

export type RecordCheck = (check: ValidationCheck) => void;

export function send(target: CheckTarget, request: CheckRequest): Promise<ExchangeResult> {
  return sendCheckRequest(target.baseUrl, request, { timeoutMs: target.timeoutMs, ...(target.signal ? { signal: target.signal } : {}) });
}

/** The detail with the server's output since `mark` below it, when the target has it. */
export async function withServerLog(target: CheckTarget, mark: number | undefined, detail: string): Promise<string> {
  if (!target.serverLog || mark === undefined) return detail;
  const log = (await target.serverLog.since(mark)).trim();
  return log ? `${detail}\n--- server output ---\n${log}` : detail;
}

export function isSuccess(status: number | undefined): status is number {
  return status !== undefined && status >= 200 && status < 300;
}

/** "POST /books answered 500 Internal Server Error" or "POST /books: no response within 5 s". */
export function answered(result: ExchangeResult): string {
  const { method, path } = result.exchange.request;
  return result.status === undefined ? `${method} ${path}: ${result.summary}` : `${method} ${path} answered ${result.summary}`;
}
