// The OpenAI adapter: any OpenAI-compatible server (OpenAI, Ollama, vLLM, LM Studio, OpenRouter)
// through the official SDK, streaming. Retries only before the first token: after it, a retry would
// repeat text the user has already watched being typed.
import OpenAI, { APIError, APIConnectionError } from 'openai';
import type { GenerationRequest, ModelAdapter } from '../ports';
import { buildPromptMessages, type PromptMessage } from '../prompts';
import { continuationMessages, ContinuationMismatch, createContinuationJoiner, describeCut, MAX_CONTINUATIONS, openBlockAtEnd } from './continuation';
import { UsageMeter } from './usage-meter';

export interface OpenAIModelOptions {
  apiKey?: string;
  baseURL?: string;
  model: string;
  /** Attempts before the first token, on 429 / 5xx / connection errors. */
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  maxOutputTokens?: number;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true;
  if (error instanceof APIError) return error.status === 429 || (error.status !== undefined && error.status >= 500);
  return false;
}

function retryDelayMs(error: unknown, attempt: number, baseDelayMs: number): number {
  const header = error instanceof APIError ? error.headers?.get('retry-after') : null;
  const seconds = header ? Number(header) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 30_000);
  return baseDelayMs * 2 ** attempt;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

/** The provider's own words, which is what a person needs to act on (quota, model name, key). */
export function describeProviderError(error: unknown): string {
  if (error instanceof APIError && error.status !== undefined) return `${error.status} ${error.message}`;
  if (error instanceof APIConnectionError) return `cannot reach the model server (${error.message})`;
  return error instanceof Error ? error.message : String(error);
}

export interface ChatStreamer {
  /**
   * One streamed chat completion, retried before its first token only. An answer cut off at the
   * output limit or inside a block is continued, up to MAX_CONTINUATIONS times (continuation.ts).
   */
  streamChat(messages: PromptMessage[], signal: AbortSignal, meter: UsageMeter, onNotice?: (message: string) => void): AsyncIterable<string>;
}

type CallKind = 'call' | 'continuation';

export function createChatStreamer(options: OpenAIModelOptions): ChatStreamer {
  const client = new OpenAI({
    // Local OpenAI-compatible servers accept any key; the SDK insists on one.
    apiKey: options.apiKey ?? 'not-needed',
    baseURL: options.baseURL,
    maxRetries: 0,
    timeout: 120_000,
  });
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.retryBaseDelayMs ?? 500;

  /** One completion; returns its finish reason once its text has been yielded. */
  async function* completion(messages: PromptMessage[], signal: AbortSignal, meter: UsageMeter, kind: CallKind): AsyncGenerator<string, string | null> {
    let started = false;
    for (let attempt = 0; ; attempt++) {
      const call = meter.startCall(messages.reduce((total, message) => total + message.content.length, 0), kind);
      let finishReason: string | null = null;
      try {
        const stream = await client.chat.completions.create(
          {
            model: options.model,
            messages,
            stream: true,
            stream_options: { include_usage: true },
            ...(options.maxOutputTokens ? { max_tokens: options.maxOutputTokens } : {}),
          },
          { signal },
        );
        for await (const chunk of stream) {
          if (chunk.usage) {
            call.reported({
              promptTokens: chunk.usage.prompt_tokens,
              cachedTokens: chunk.usage.prompt_tokens_details?.cached_tokens ?? 0,
              completionTokens: chunk.usage.completion_tokens,
            });
          }
          const choice = chunk.choices[0];
          if (choice?.finish_reason) finishReason = choice.finish_reason;
          const text = choice?.delta?.content;
          if (text) {
            started = true;
            call.streamed(text);
            yield text;
          }
        }
        // The SDK ends the iteration quietly on abort; the caller must still learn it was cut short.
        if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
        return finishReason;
      } catch (error) {
        if (!started) call.discard();
        if (signal.aborted) throw error;
        if (started) {
          throw new Error(`the stream broke off after it had started: ${describeProviderError(error)}`, { cause: error });
        }
        if (attempt + 1 >= maxAttempts || !isRetryable(error)) {
          throw new Error(describeProviderError(error), { cause: error });
        }
        await sleep(retryDelayMs(error, attempt, baseDelayMs), signal);
      }
    }
  }

  return {
    async *streamChat(messages, signal, meter, onNotice) {
      let text = '';
      let finishReason: string | null = null;
      const first = completion(messages, signal, meter, 'call');
      for (;;) {
        const step = await first.next();
        if (step.done) {
          finishReason = step.value;
          break;
        }
        text += step.value;
        yield step.value;
      }
      for (let continuation = 1; continuation <= MAX_CONTINUATIONS; continuation++) {
        const open = openBlockAtEnd(text);
        const cut = describeCut(open, finishReason);
        if (!cut) return;
        onNotice?.(`The model's answer was cut off ${cut}; asked it to continue (${continuation} of ${MAX_CONTINUATIONS}).`);
        const joiner = createContinuationJoiner(text, open);
        const more = completion(continuationMessages(messages, text), signal, meter, 'continuation');
        finishReason = null;
        try {
          for (;;) {
            const step = await more.next();
            if (step.done) {
              finishReason = step.value;
              break;
            }
            const joined = joiner.push(step.value);
            if (joined) {
              text += joined;
              yield joined;
            }
          }
          const rest = joiner.end();
          if (rest) {
            text += rest;
            yield rest;
          }
        } catch (error) {
          if (!(error instanceof ContinuationMismatch)) throw error;
          await more.return(null);
          onNotice?.(`The continuation could not be joined: ${error.message}.`);
        }
      }
      const cut = describeCut(openBlockAtEnd(text), finishReason);
      if (cut) onNotice?.(`The answer was still cut off ${cut} after ${MAX_CONTINUATIONS} continuations.`);
    },
  };
}

/** One call writes the whole answer: plan, files, summary. */
export function createOpenAIModel(options: OpenAIModelOptions): ModelAdapter {
  const chat = createChatStreamer(options);
  return {
    name: options.model,
    async *stream(request: GenerationRequest, { signal, onUsage, onProgress, onNotice }) {
      const meter = new UsageMeter(onProgress);
      try {
        yield* chat.streamChat(buildPromptMessages(request), signal, meter, onNotice);
      } finally {
        // Also for a failed or stopped version: its calls cost the same.
        onUsage?.(meter.summary());
      }
    },
  };
}
