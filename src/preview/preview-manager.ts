// The previews of one server process: which version runs where, in which state, and the limits
// (how many at once, how long unused). It holds running processes, so there is one per process
// (app-services.ts); it never reads the database: handlers bring it files and env vars.
import type { RunningApi } from '@/generation/ports';
import { isRunningState, notRunningStatus, type PreviewState, type PreviewStatus, type PreviewStep, type PreviewStopReason } from '@/types/preview';
import type { FileMap } from '@/types/versioning';
import type { PreviewAdapter } from './preview-adapter';
import { evictionsFor, idlePreviews } from './preview-pool';

export interface PreviewManagerOptions {
  adapter: PreviewAdapter;
  /** Previews that may run at once; the least recently used stops to make room. */
  maxRunning: number;
  /** A ready preview stops after this long without a request. */
  idleMs: number;
  now?: () => number;
}

/** What a preview is started from, or what a validated server was started from. */
export interface PreviewTarget {
  versionId: string;
  versionNumber: number;
  /** Of the env vars it starts with, so a later change can be pointed out. */
  envFingerprint: string;
}

interface Entry extends PreviewTarget {
  state: PreviewState;
  sandbox: string | null;
  handedOver: boolean;
  step: PreviewStep | null;
  startedAt: number;
  readyAt: number | null;
  lastUsedAt: number;
  stopReason: PreviewStopReason | null;
  message: string | null;
  api: RunningApi | null;
  abort: AbortController | null;
  /** The output at the moment it stopped or failed; a running preview's comes from `api`. */
  endedLog: string;
  lastKeepAliveAt: number;
}

/** Ended previews are remembered so their status can say why; this many at most. */
const REMEMBERED_ENDED = 200;
/** A hosted sandbox's own timeout is pushed out at most this often, not on every request. */
const KEEP_ALIVE_EVERY_MS = 30_000;

export class PreviewManager {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: PreviewManagerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Starts the version's preview unless it already runs; answers at once with its state. */
  start(target: PreviewTarget & { files: FileMap; env: Readonly<Record<string, string>> }): PreviewStatus {
    const existing = this.entries.get(target.versionId);
    if (existing && isRunningState(existing.state)) {
      existing.lastUsedAt = this.now();
      return this.describe(existing, target.envFingerprint);
    }
    this.makeRoomFor(target.versionNumber);
    const entry = this.newEntry(target, 'starting');
    entry.abort = new AbortController();
    void this.run(entry, target.files, target.env, entry.abort.signal);
    return this.describe(entry, target.envFingerprint);
  }

  /**
   * Takes over a server that validation started and checked, as the version's preview. Refused
   * (false) when the version's preview already runs: the caller then stops its server.
   */
  adopt(target: PreviewTarget, api: RunningApi): boolean {
    const existing = this.entries.get(target.versionId);
    if (existing && isRunningState(existing.state)) return false;
    this.makeRoomFor(target.versionNumber);
    const entry = this.newEntry(target, 'ready');
    this.becomeReady(entry, api);
    entry.handedOver = true;
    // A hosted sandbox was given validation's lifetime, not a preview's.
    api.keepAlive?.(this.options.idleMs + KEEP_ALIVE_EVERY_MS).catch(() => undefined);
    return true;
  }

  status(versionId: string, envFingerprint?: string): PreviewStatus {
    const entry = this.entries.get(versionId);
    return entry ? this.describe(entry, envFingerprint) : notRunningStatus(versionId);
  }

  /** The running API of a ready preview, counted as used now; null when it is not ready. */
  use(versionId: string): RunningApi | null {
    const entry = this.entries.get(versionId);
    if (!entry || entry.state !== 'ready' || !entry.api) return null;
    const now = this.now();
    entry.lastUsedAt = now;
    if (entry.api.keepAlive && now - entry.lastKeepAliveAt >= KEEP_ALIVE_EVERY_MS) {
      entry.lastKeepAliveAt = now;
      entry.api.keepAlive(this.options.idleMs + KEEP_ALIVE_EVERY_MS).catch(() => undefined);
    }
    return entry.api;
  }

  async stop(versionId: string, reason: PreviewStopReason = 'user', message: string | null = null): Promise<PreviewStatus> {
    const entry = this.entries.get(versionId);
    if (!entry) return notRunningStatus(versionId);
    if (isRunningState(entry.state)) await this.end(entry, reason, message);
    return this.describe(entry);
  }

  /** Stops ready previews that nobody called for the idle time. The owner calls this on a timer. */
  async stopIdle(): Promise<void> {
    const minutes = Math.round(this.options.idleMs / 60_000);
    const idle = idlePreviews(this.records(), this.now(), this.options.idleMs);
    const message = `Stopped after ${minutes >= 1 ? `${minutes} min` : `${this.options.idleMs / 1000} s`} without a request.`;
    await Promise.all(idle.map((versionId) => this.stop(versionId, 'idle', message)));
  }

  /** Server shutdown: every preview stops. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.entries.values()].filter((entry) => isRunningState(entry.state)).map((entry) => this.end(entry, 'shutdown', null)));
  }

  /** For a process that is exiting: kills what runs on this machine without waiting. */
  killAllNow(): void {
    for (const entry of this.entries.values()) {
      entry.abort?.abort();
      entry.api?.killNow?.();
    }
  }

  private newEntry(target: PreviewTarget, state: PreviewState): Entry {
    const now = this.now();
    const entry: Entry = {
      versionId: target.versionId,
      versionNumber: target.versionNumber,
      envFingerprint: target.envFingerprint,
      state,
      sandbox: null,
      handedOver: false,
      step: null,
      startedAt: now,
      readyAt: null,
      lastUsedAt: now,
      stopReason: null,
      message: null,
      api: null,
      abort: null,
      endedLog: '',
      lastKeepAliveAt: now,
    };
    this.entries.delete(target.versionId);
    this.entries.set(target.versionId, entry);
    this.forgetOldEntries();
    return entry;
  }

  private async run(entry: Entry, files: FileMap, env: Readonly<Record<string, string>>, signal: AbortSignal): Promise<void> {
    const result = await this.options.adapter
      .start({ files, env, signal, onStep: (step) => (entry.step = step) })
      .catch((error: unknown) => ({ ok: false as const, message: `The preview could not start: ${error instanceof Error ? error.message : String(error)}`, logTail: '' }));
    if (this.entries.get(entry.versionId) !== entry || entry.state !== 'starting') {
      // Stopped or pushed out while it started.
      if (result.ok) await result.api.stop();
      return;
    }
    entry.abort = null;
    entry.step = null;
    if (result.ok) {
      this.becomeReady(entry, result.api);
    } else {
      entry.state = 'failed';
      entry.message = result.message;
      entry.endedLog = result.logTail;
    }
  }

  private becomeReady(entry: Entry, api: RunningApi): void {
    entry.state = 'ready';
    entry.api = api;
    entry.sandbox = api.sandbox;
    entry.readyAt = this.now();
    entry.lastUsedAt = entry.readyAt;
    void api.exited.then(async (exit) => {
      if (entry.api !== api || entry.state !== 'ready') return;
      // It crashed (or exited) by itself: keep why, then free its temp dir and port.
      entry.state = 'failed';
      entry.message = `The API ${exit}.`;
      entry.endedLog = api.logTail();
      entry.api = null;
      await api.stop();
    });
  }

  private async end(entry: Entry, reason: PreviewStopReason, message: string | null): Promise<void> {
    const api = entry.api;
    entry.state = 'stopped';
    entry.stopReason = reason;
    entry.message = message;
    entry.step = null;
    entry.abort?.abort();
    entry.abort = null;
    entry.api = null;
    if (api) {
      entry.endedLog = api.logTail();
      await api.stop();
    }
  }

  private makeRoomFor(versionNumber: number): void {
    const { maxRunning } = this.options;
    const message = `Stopped to make room for v${versionNumber}: at most ${maxRunning} preview${maxRunning === 1 ? '' : 's'} run at once, and the least recently used stops first.`;
    for (const versionId of evictionsFor(this.records(), maxRunning)) void this.stop(versionId, 'evicted', message);
  }

  private records() {
    return [...this.entries.values()].map(({ versionId, state, lastUsedAt }) => ({ versionId, state, lastUsedAt }));
  }

  private forgetOldEntries(): void {
    const ended = [...this.entries.values()].filter((entry) => !isRunningState(entry.state));
    for (const entry of ended.slice(0, Math.max(0, ended.length - REMEMBERED_ENDED))) this.entries.delete(entry.versionId);
  }

  private describe(entry: Entry, envFingerprint?: string): PreviewStatus {
    const running = isRunningState(entry.state);
    const date = (ms: number | null) => (ms === null ? null : new Date(ms));
    return {
      versionId: entry.versionId,
      state: entry.state,
      sandbox: entry.sandbox,
      handedOver: entry.handedOver,
      url: entry.state === 'ready' && entry.api ? entry.api.baseUrl : null,
      step: entry.step,
      startedAt: date(entry.startedAt),
      readyAt: date(entry.readyAt),
      lastUsedAt: date(entry.lastUsedAt),
      idleStopAt: entry.state === 'ready' ? date(entry.lastUsedAt + this.options.idleMs) : null,
      stopReason: entry.state === 'stopped' ? entry.stopReason : null,
      message: entry.message,
      logTail: entry.api ? entry.api.logTail() : entry.endedLog,
      envChanged: running && envFingerprint !== undefined && envFingerprint !== entry.envFingerprint,
    };
  }
}
