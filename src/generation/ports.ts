// The ports a generation runs against (docs/architecture.md, "Ports and adapters"). runGeneration only sees these interfaces;
// env decides which adapter fills each one.
import type { SavedCheckRun } from '@/api-checks/run-saved-checks';
import type { FileMap, ModelUsageSummary, ValidationCheck, ValidationReport } from '@/types/versioning';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface GenerationRequest {
  versionNumber: number;
  prompt: string;
  /** The base version's files in full; empty for v1. */
  baseFiles: FileMap;
  /** Recent chat of the project, oldest first, not including `prompt`. */
  history: ChatTurn[];
  /**
   * A follow-up call: the model's edits of these files did not apply, so it is asked for them again
   * in full (docs/architecture.md, "Model output").
   */
  rewrite?: { files: Array<{ path: string; reason: string }> };
}

export type { ModelUsageSummary as ModelUsage } from '@/types/versioning';

/**
 * Text on one of several concurrent channels: parallel-files mode writes each file on its own
 * channel so several files type at once. Each channel is parsed on its own.
 */
export interface ChannelText {
  channel: string;
  text: string;
}

/** Plain text belongs to the main channel. */
export type ModelOutput = string | ChannelText;

/**
 * A model writes the text format of docs/architecture.md, "Model output" (<plan>, <file>, <delete>, <summary>) as a stream of text
 * chunks. Chunk boundaries are arbitrary. `usage` is filled in once the stream has ended.
 */
export interface ModelStreamOptions {
  signal: AbortSignal;
  /**
   * Told the tokens and timings of this stream once it has ended, whether it completed, failed or
   * was stopped (one adapter serves many streams at once).
   */
  onUsage?: (usage: ModelUsageSummary) => void;
  /** Told the running figures while the stream goes on, estimates included (a token budget watches them). */
  onProgress?: (usage: ModelUsageSummary) => void;
  /** Something the person should know about how the answer was got: a cut answer continued, a plan that failed. */
  onNotice?: (message: string) => void;
}

export interface ModelAdapter {
  readonly name: string;
  stream(request: GenerationRequest, options: ModelStreamOptions): AsyncIterable<ModelOutput>;
}

export interface SandboxRunOptions {
  signal?: AbortSignal;
  /** Routes the version declares, e.g. ["GET /books", "POST /books"]. */
  routes: string[];
  onCheck?: (check: ValidationCheck) => void;
  /**
   * The project's env vars for its API: given to build and start (never to install), and masked in
   * every check detail, since the API may print them.
   */
  env?: Readonly<Record<string, string>>;
  /**
   * Offered the started API once every check passed and no probe changed its data; returning true
   * keeps it running and makes the caller its owner (the preview of a version that just validated).
   */
  adoptServer?: (server: RunningApi) => boolean;
  /**
   * The API checks after the route probes (docs/architecture.md, "API checks"): the project's saved
   * checks, and the behaviour round of each resource in openapi.json. Absent: behaviour on, none saved.
   */
  apiChecks?: { saved: readonly SavedCheckRun[]; behaviour: boolean };
  /**
   * An install the adapter began ahead (SandboxAdapter.prepareInstall). validate() owns it from
   * here: it builds on it when it installed exactly these files' package.json, and otherwise
   * disposes of it and installs as it would without one.
   */
  prepared?: PreparedInstall;
}

/** How an install begun ahead ended: `stopped` when it was disposed of, aborted, or could not begin. */
export interface PreparedInstallOutcome {
  state: 'installed' | 'failed' | 'stopped';
}

/**
 * `npm install` of one package.json, begun while the other files are still being written
 * (docs/architecture.md, "Flow of one version"). It holds a workspace (a temp dir or a VM) until
 * validate() takes it over or dispose() frees it.
 */
export interface PreparedInstall {
  /** The package.json it installs, exactly as offered. */
  readonly packageJson: string;
  /** Settles once the install has ended; never rejects. */
  readonly outcome: Promise<PreparedInstallOutcome>;
  /** Stops the install and frees all it holds; resolves once they are gone. Safe to call more than once. */
  dispose(): Promise<void>;
}

/** A generated API that is up and answering, and everything it holds (processes, temp dir, port, VM). */
export interface RunningApi {
  /** "local", "local (bubblewrap)" or "e2b". */
  readonly sandbox: string;
  /** Where requests go: `http://127.0.0.1:41234` or an E2B host. */
  readonly baseUrl: string;
  /** The end of the API's output so far, masked like every check detail. */
  logTail(): string;
  /** Resolves with a description ("exited with code 1") if the API stops by itself. */
  readonly exited: Promise<string>;
  /** Stops the API and frees all it holds. Safe to call more than once. */
  stop(): Promise<void>;
  /**
   * For a server process that is exiting and cannot wait: kills what runs on this machine at once.
   * Absent for hosted sandboxes, which end by their own timeout.
   */
  killNow?(): void;
  /** Hosted sandboxes end by themselves after a timeout; this moves it `ms` from now. */
  keepAlive?(ms: number): Promise<void>;
}

export interface SandboxAdapter {
  readonly name: string;
  validate(files: FileMap, options: SandboxRunOptions): Promise<ValidationReport>;
  /**
   * Begins installing `packageJson` alone in a fresh workspace, with install's minimal env (no
   * project env vars). Undefined when it cannot be installed without the other files (workspaces,
   * dependencies on local paths, not a JSON object). Aborting `signal` stops it and frees all it holds.
   */
  prepareInstall?(packageJson: string, options: { signal?: AbortSignal }): PreparedInstall | undefined;
}
