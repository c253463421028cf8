// Live previews and the request console: the shapes the server, the browser and scripts share. No I/O.

/**
 * starting: installing, building and starting the API; ready: it accepts requests; failed: it could
 * not start or it crashed (the log tail says why); stopped: nothing runs (never started, stopped by
 * the person, idle, pushed out by a newer preview, or the server shut down).
 */
export type PreviewState = 'starting' | 'ready' | 'failed' | 'stopped';

/** Starting previews hold processes and a port just as ready ones do. */
export function isRunningState(state: PreviewState): boolean {
  return state === 'starting' || state === 'ready';
}

/** Why a preview that ran is no longer running. */
export type PreviewStopReason = 'user' | 'idle' | 'evicted' | 'shutdown';

/** The step a starting preview is in. */
export type PreviewStep = 'install' | 'build' | 'start';

export interface PreviewStatus {
  versionId: string;
  state: PreviewState;
  /** Where it runs: "local", "local (bubblewrap)" or "e2b"; null when it never ran in this server. */
  sandbox: string | null;
  /** The server validation started, kept running as the preview instead of starting a second one. */
  handedOver: boolean;
  /** Where a ready preview answers (http://127.0.0.1:41234 here, an https host on E2B), for curl and other tools. */
  url: string | null;
  step: PreviewStep | null;
  startedAt: Date | null;
  readyAt: Date | null;
  /** The last request sent to it (or its start): what the idle limit and the least-recently-used rule count from. */
  lastUsedAt: Date | null;
  /** When it stops unless a request comes first (ready previews only). */
  idleStopAt: Date | null;
  stopReason: PreviewStopReason | null;
  /** For a person: why it failed or stopped. */
  message: string | null;
  /** The end of the server's output, with the project's env values masked. */
  logTail: string;
  /** The project's env vars changed after it started: a restart applies them. */
  envChanged: boolean;
}

/** The status of a version whose preview has not run in this server. */
export function notRunningStatus(versionId: string): PreviewStatus {
  return {
    versionId,
    state: 'stopped',
    sandbox: null,
    handedOver: false,
    url: null,
    step: null,
    startedAt: null,
    readyAt: null,
    lastUsedAt: null,
    idleStopAt: null,
    stopReason: null,
    message: null,
    logTail: '',
    envChanged: false,
  };
}

/** The HTTP methods the console may send; anything else is refused. */
export const PREVIEW_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type PreviewMethod = (typeof PREVIEW_METHODS)[number];

/** One query parameter may repeat (`?tag=a&tag=b`). */
export type PreviewQuery = Record<string, string | string[]>;

export interface PreviewRequest {
  versionId: string;
  method: PreviewMethod;
  /** Starts with "/", stays on the preview: no scheme, no host, no "?" (the query goes in `query`). */
  path: string;
  query?: PreviewQuery;
  headers?: Record<string, string>;
  /** Sent as is; JSON unless a content-type header says otherwise. */
  body?: string;
}

export interface PreviewResponse {
  status: number;
  statusText: string;
  /** Lower-case names, sorted by name; repeated headers are joined with ", ", except Set-Cookie, one per cookie. */
  headers: Array<[string, string]>;
  /** The body as UTF-8 text, up to the response limit; empty when `binary`. */
  body: string;
  /** Bytes of body kept: all of it, or the limit when it was cut. */
  bodyBytes: number;
  /** The body was longer than the limit and was cut there. */
  truncated: boolean;
  /** Not text: the body is not shown, only its size. */
  binary: boolean;
  durationMs: number;
  /** The console history entry this request was saved as. */
  historyId: string;
}

/** One version's answer to a request sent to two versions: a response, or why none came (timeout, not running). */
export interface ComparedAnswer {
  versionNumber: number;
  response?: PreviewResponse;
  error?: string;
}

export interface RequestHistoryEntry {
  id: string;
  projectId: string;
  /** null once the version is deleted. */
  versionId: string | null;
  versionNumber: number | null;
  method: PreviewMethod;
  path: string;
  query: PreviewQuery;
  headers: Record<string, string>;
  body: string | null;
  /** null when no response came (timeout, refused connection). */
  status: number | null;
  durationMs: number | null;
  responseBytes: number | null;
  /** Why no response came. */
  error: string | null;
  createdAt: Date;
}

/** A project env var as the workspace sees it: never its value. */
export interface ProjectEnvVarSummary {
  name: string;
  updatedAt: Date;
}
