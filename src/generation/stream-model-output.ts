// The generate step of one version (docs/architecture.md, "Flow of one version"): the model's
// answer streamed through the file-block parser into the collector and out to the publisher, with
// the token budget watched while it streams, and one follow-up call for files whose edits did not
// apply. run-generation.ts calls it; it knows nothing of how the version ends.
import type { StopReason, StreamEventBody } from '@/types/streaming';
import type { ModelUsageSummary } from '@/types/versioning';
import type { VersionRow } from '@/db/stores/versions-store';
import { STOPPED_MESSAGE } from './active-generations';
import type { ActivityRecorder } from './activity-recorder';
import { createFileBlockParser, type FileBlockParser } from './file-blocks/file-block-parser';
import { createOutputCollector, type CollectedOutput } from './output-collector';
import type { GenerationRequest, ModelAdapter } from './ports';
import type { Publisher } from './publisher';

const MAIN_CHANNEL = 'main';

export class GenerationFailure extends Error {
  /** What the version's model calls cost up to the failure, when it happened while they ran. */
  usage: ModelUsageSummary | null = null;

  constructor(
    readonly reason: StopReason,
    message: string,
  ) {
    super(message);
  }
}

/** Why the model stream (or the validation after it) ended early. */
export function describeModelError(error: unknown, signal: AbortSignal, budget?: number): GenerationFailure {
  if (signal.aborted) {
    if (signal.reason === 'timeout') {
      return new GenerationFailure('timeout', 'The model took too long and was stopped. Try again, or ask for a smaller change.');
    }
    if (signal.reason === 'budget') {
      return new GenerationFailure(
        'budget',
        `Stopped: this version's model calls went over the budget of ${budget ?? '?'} tokens (FORGE_MAX_TOKENS_PER_VERSION). Nothing was saved. Ask for a smaller change, or raise the budget.`,
      );
    }
    return new GenerationFailure('stopped', STOPPED_MESSAGE);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GenerationFailure('model_error', `The model failed: ${message}`);
}

export interface ModelOutputDeps {
  model: ModelAdapter;
  /** Prompt + completion tokens the version's calls may use; over it, the run is aborted with reason `budget`. */
  maxTokensPerVersion?: number;
  /** Told when the first code chunk goes out (the version's first_chunk_at). */
  onFirstChunk: () => void;
  /** Told each root package.json the moment it is final, so installing can start while other files stream. */
  onPackageJson?: (content: string) => void;
}

export interface StreamedModelOutput {
  output: CollectedOutput;
  usage: ModelUsageSummary | null;
  /** What the person should know about how the answer was got, for the chat message. */
  notices: string[];
}

export async function streamModelOutput(
  deps: ModelOutputDeps,
  version: VersionRow,
  request: GenerationRequest,
  publisher: Publisher,
  activity: ActivityRecorder,
  controller: AbortController,
): Promise<StreamedModelOutput> {
  const { signal } = controller;
  const collector = createOutputCollector(request.baseFiles);
  const notices: string[] = [];
  let usage: ModelUsageSummary | null = null;
  /** Usage of the calls before the current one (a follow-up call reports its own from zero). */
  let usageBefore: ModelUsageSummary | null = null;
  let sawFirstChunk = false;

  const publish = (bodies: StreamEventBody[]) => {
    for (const body of bodies) {
      if (!sawFirstChunk && body.type === 'code:chunk') {
        sawFirstChunk = true;
        deps.onFirstChunk();
        publisher.emit({ type: 'step', name: 'generating' });
      }
      if (body.type === 'planning' && body.files?.length) activity.record({ plannedFileCount: body.files.length });
      if (body.type === 'file:complete' && body.filePath === 'package.json' && body.operation !== 'deleted') {
        const content = collector.output.writtenFiles['package.json'];
        if (content !== undefined) deps.onPackageJson?.(content);
      }
      publisher.emit(body);
    }
  };
  const notice = (message: string) => {
    notices.push(message);
    publisher.emit({ type: 'planning', message });
  };

  async function runCall(callRequest: GenerationRequest): Promise<void> {
    const parsers = new Map<string, FileBlockParser>();
    const parserFor = (channel: string) => {
      let parser = parsers.get(channel);
      if (!parser) parsers.set(channel, (parser = createFileBlockParser()));
      return parser;
    };
    const before = usageBefore;
    const withBefore = (reported: ModelUsageSummary) => (before ? addUsage(before, reported) : reported);
    const onProgress = (progress: ModelUsageSummary) => {
      const total = withBefore(progress);
      usage = total;
      if (deps.maxTokensPerVersion && (total.promptTokens ?? 0) + (total.completionTokens ?? 0) > deps.maxTokensPerVersion) {
        controller.abort('budget');
      }
    };
    try {
      const stream = deps.model.stream(callRequest, { signal, onProgress, onUsage: (reported) => (usage = withBefore(reported)), onNotice: notice });
      for await (const output of stream) {
        if (signal.aborted) break;
        const { channel, text } = typeof output === 'string' ? { channel: MAIN_CHANNEL, text: output } : output;
        for (const event of parserFor(channel).push(text)) publish(collector.accept(event));
      }
      if (signal.aborted) throw new Error('aborted');
    } catch (error) {
      throw describeModelError(error, signal, deps.maxTokensPerVersion);
    } finally {
      usageBefore = usage;
    }
    for (const parser of parsers.values()) {
      for (const event of parser.end()) publish(collector.accept(event));
    }
  }

  try {
    await runCall(request);
    const failedEdits = collector.output.failedEdits;
    if (failedEdits.length > 0) {
      const paths = failedEdits.map((failed) => failed.path).join(', ');
      notice(`The edit to ${paths} did not match the file, so the model was asked for ${failedEdits.length === 1 ? 'it' : 'them'} in full.`);
      collector.retryFailedEdits();
      await runCall({ ...request, rewrite: { files: failedEdits } });
      collector.finishRewrites();
    }
  } catch (error) {
    // A failed or stopped version keeps what its calls cost; the caller records it.
    const failure = error instanceof GenerationFailure ? error : describeModelError(error, signal, deps.maxTokensPerVersion);
    failure.usage = usage;
    throw failure;
  }
  return { output: collector.output, usage, notices };
}

function addUsage(a: ModelUsageSummary, b: ModelUsageSummary): ModelUsageSummary {
  const plus = (x?: number, y?: number) => (x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0));
  return {
    promptTokens: plus(a.promptTokens, b.promptTokens),
    cachedTokens: plus(a.cachedTokens, b.cachedTokens),
    completionTokens: plus(a.completionTokens, b.completionTokens),
    calls: plus(a.calls, b.calls),
    continuations: plus(a.continuations, b.continuations),
    ttftMs: a.ttftMs ?? b.ttftMs,
    totalMs: plus(a.totalMs, b.totalMs),
  };
}
