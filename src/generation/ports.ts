// The ports a generation runs against (DESIGN §1). runGeneration only sees these interfaces;
// env decides which adapter fills each one.
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
 * A model writes the DESIGN §7 text format (<plan>, <file>, <delete>, <summary>) as a stream of text
 * chunks. Chunk boundaries are arbitrary. `usage` is filled in once the stream has ended.
 */
export interface ModelStreamOptions {
  signal: AbortSignal;
  /** Told the tokens and timings of this stream once it has ended (one adapter serves many streams at once). */
  onUsage?: (usage: ModelUsageSummary) => void;
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
}

export interface SandboxAdapter {
  readonly name: string;
  validate(files: FileMap, options: SandboxRunOptions): Promise<ValidationReport>;
}
