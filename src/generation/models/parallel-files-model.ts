// Parallel-files mode: a short plan call, then one call per file with bounded concurrency. Each
// file streams on its own channel, so several files type at once in the viewer. The plan fixes
// what the files share (their jobs, exported names, types, routes), so files written at the same
// time agree. A plan that comes back unusable falls back to one call for the whole answer.
import { getMaxListeners, setMaxListeners } from 'node:events';
import type { GenerationRequest, ModelAdapter, ModelOutput, ModelStreamOptions } from '../ports';
import { mergeWithConcurrency } from '../merge-streams';
import { buildFileMessages, buildPlanMessages, readParallelPlan, renderPlanBlock } from '../parallel-plan';
import { buildPromptMessages } from '../prompts';
import { createChatStreamer, type ChatStreamer, type OpenAIModelOptions } from './openai-model';
import { UsageMeter } from './usage-meter';

async function* streamPlannedFiles(chat: ChatStreamer, request: GenerationRequest, options: ModelStreamOptions, meter: UsageMeter, concurrency: number): AsyncGenerator<ModelOutput> {
  const { signal, onNotice } = options;
  let planText = '';
  for await (const text of chat.streamChat(buildPlanMessages(request), signal, meter, onNotice)) planText += text;
  const plan = readParallelPlan(planText);
  if (plan.files.length === 0) {
    onNotice?.('The plan came back unusable, so the files are written in one call instead.');
    yield* chat.streamChat(buildPromptMessages(request), signal, meter, onNotice);
    return;
  }
  yield renderPlanBlock(plan);
  for (const file of plan.files.filter((planned) => planned.action === 'delete')) yield `<delete path="${file.path}"/>\n`;
  const writes = plan.files.filter((planned) => planned.action !== 'delete');
  yield* mergeWithConcurrency(
    writes.map((file) => async function* () {
      for await (const text of chat.streamChat(buildFileMessages(request, plan, file), signal, meter, onNotice)) yield { channel: file.path, text };
    }),
    concurrency,
  );
  const described = plan.files.map((file) => `${file.path} (${file.action}${file.responsibility ? `: ${file.responsibility}` : ''})`);
  yield `<summary>${plan.title}. ${described.join('; ')}.</summary>\n`;
}

/** Up to 100 planned files, plus the plan call and continuations. */
const MAX_SIGNAL_LISTENERS = 128;

/**
 * `when: 'always'` plans every version; `'first-version'` plans v1 only, where there is no base to
 * send with every file call, and lets iterations answer in one call with edits, which is cheaper.
 */
export function createParallelFilesModel(options: OpenAIModelOptions & { concurrency: number; when?: 'always' | 'first-version' }): ModelAdapter {
  const chat = createChatStreamer(options);
  const when = options.when ?? 'always';
  return {
    name: when === 'always' ? `${options.model} (parallel files)` : options.model,
    async *stream(request, streamOptions): AsyncGenerator<ModelOutput> {
      const meter = new UsageMeter(streamOptions.onProgress);
      const planned = !request.rewrite && (when === 'always' || Object.keys(request.baseFiles).length === 0);
      // Every file call listens on the run's signal; a dozen of them is expected, not a leak.
      if (planned) setMaxListeners(Math.max(MAX_SIGNAL_LISTENERS, getMaxListeners(streamOptions.signal)), streamOptions.signal);
      try {
        if (planned) yield* streamPlannedFiles(chat, request, streamOptions, meter, options.concurrency);
        else yield* chat.streamChat(buildPromptMessages(request), streamOptions.signal, meter, streamOptions.onNotice);
      } finally {
        streamOptions.onUsage?.(meter.summary());
      }
    },
  };
}
