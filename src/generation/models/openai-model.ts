// The OpenAI adapter: any OpenAI-compatible server (OpenAI, Ollama, vLLM, LM Studio, OpenRouter)
// through the official SDK, streaming. Retries only before the first token: after it, a retry would
// repeat text the user has already watched being typed.
import OpenAI, { APIError, APIConnectionError } from 'openai';
import type { GenerationRequest, ModelAdapter, ModelUsage } from '../ports';
import { buildPromptMessages, type PromptMessage } from '../prompts';

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

/** Tokens and timings of one generation, summed over its calls (parallel mode makes several). */
export class UsageMeter {
  private readonly startedAt = Date.now();
  private readonly usage: ModelUsage = {};

  firstToken(): void {
    this.usage.ttftMs ??= Date.now() - this.startedAt;
  }

  add(promptTokens: number, completionTokens: number): void {
    this.usage.promptTokens = (this.usage.promptTokens ?? 0) + promptTokens;
    this.usage.completionTokens = (this.usage.completionTokens ?? 0) + completionTokens;
  }

  finish(): ModelUsage {
    return { ...this.usage, totalMs: Date.now() - this.startedAt };
  }
}

export interface ChatStreamer {
  /** One streamed chat completion, retried before its first token only. */
  streamChat(messages: PromptMessage[], signal: AbortSignal, meter: UsageMeter): AsyncIterable<string>;
}

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

  return {
    async *streamChat(messages, signal, meter) {
      let started = false;
      for (let attempt = 0; ; attempt++) {
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
            if (chunk.usage) meter.add(chunk.usage.prompt_tokens, chunk.usage.completion_tokens);
            const text = chunk.choices[0]?.delta?.content;
            if (text) {
              started = true;
              meter.firstToken();
              yield text;
            }
          }
          // The SDK ends the iteration quietly on abort; the caller must still learn it was cut short.
          if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
          return;
        } catch (error) {
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
    },
  };
}

/** One call writes the whole answer: plan, files, summary. */
export function createOpenAIModel(options: OpenAIModelOptions): ModelAdapter {
  const chat = createChatStreamer(options);
  return {
    name: options.model,
    async *stream(request: GenerationRequest, { signal, onUsage }) {
      const meter = new UsageMeter();
      yield* chat.streamChat(buildPromptMessages(request), signal, meter);
      onUsage?.(meter.finish());
    },
  };
}
