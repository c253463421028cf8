// The port a preview starts through: the same job as validation's install, build and start, but
// the API is kept running for people to call. env decides the adapter: this machine (default) or
// E2B (E2B_API_KEY).
import type { RunningApi } from '@/generation/ports';
import type { PreviewStep } from '@/types/preview';
import type { FileMap } from '@/types/versioning';

export interface PreviewStartOptions {
  files: FileMap;
  /** The project's env vars for its API; masked in every log the preview shows. */
  env: Readonly<Record<string, string>>;
  /** Aborted when the preview is stopped (or pushed out) while it starts. */
  signal: AbortSignal;
  onStep?: (step: PreviewStep) => void;
}

export type PreviewStartResult =
  | { ok: true; api: RunningApi }
  /** `message` says which step failed and why; `logTail` is that step's output. */
  | { ok: false; message: string; logTail: string };

export interface PreviewAdapter {
  readonly name: string;
  /** Resolves once the API answers, or with why it could not start; never leaves anything running on failure. */
  start(options: PreviewStartOptions): Promise<PreviewStartResult>;
}
