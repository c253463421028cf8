// Parallel-files mode: a short plan call, then one call per file with bounded concurrency. Each
// file streams on its own channel, so several files type at once in the viewer.
import type { ModelAdapter, ModelOutput } from '../ports';
import { mergeWithConcurrency } from '../merge-streams';
import { buildFileMessages, buildPlanMessages, readParallelPlan, renderPlanBlock } from '../parallel-plan';
import { createChatStreamer, UsageMeter, type OpenAIModelOptions } from './openai-model';

export function createParallelFilesModel(options: OpenAIModelOptions & { concurrency: number }): ModelAdapter {
  const chat = createChatStreamer(options);
  return {
    name: `${options.model} (parallel files)`,
    async *stream(request, { signal, onUsage }): AsyncGenerator<ModelOutput> {
      const meter = new UsageMeter();
      let planText = '';
      for await (const text of chat.streamChat(buildPlanMessages(request), signal, meter)) planText += text;
      const plan = readParallelPlan(planText);
      if (plan.files.length === 0) {
        // No usable plan: hand the answer to the parser as is, which reports it as what the model said.
        yield planText;
        onUsage?.(meter.finish());
        return;
      }
      yield renderPlanBlock(plan);
      for (const file of plan.files.filter((planned) => planned.action === 'delete')) yield `<delete path="${file.path}"/>\n`;
      const writes = plan.files.filter((planned) => planned.action !== 'delete');
      yield* mergeWithConcurrency(
        writes.map((file) => async function* () {
          for await (const text of chat.streamChat(buildFileMessages(request, plan, file), signal, meter)) yield { channel: file.path, text };
        }),
        options.concurrency,
      );
      const described = plan.files.map((file) => `${file.path} (${file.action}${file.responsibility ? `: ${file.responsibility}` : ''})`);
      yield `<summary>${plan.title}. ${described.join('; ')}.</summary>\n`;
      onUsage?.(meter.finish());
    },
  };
}
