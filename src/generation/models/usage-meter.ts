// Tokens and timings of one generation, summed over its model calls (plan, files, continuations,
// re-requests). Live: while a call streams, its prompt is estimated from its characters and its
// completion from the text so far (4 characters a token), and the provider's own figures replace
// the estimates when the call ends. That is what lets a token budget stop a version mid-stream
// (docs/architecture.md, "Model output"). Pure: no I/O.
import type { ModelUsageSummary } from '@/types/versioning';

export interface ReportedUsage {
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
}

export interface CallMeter {
  /** Text the call has streamed so far (added, not the total). */
  streamed(text: string): void;
  /** The provider's figures for the call, once it has ended. */
  reported(usage: ReportedUsage): void;
  /** The request failed before its first token (it is retried, or the version fails): it cost nothing. */
  discard(): void;
}

type CallFigures = { prompt: number; cached: number; completion: number; reported: boolean };

export class UsageMeter {
  private readonly startedAt = Date.now();
  private ttftMs: number | undefined;
  private readonly calls: CallFigures[] = [];
  private continuations = 0;

  constructor(private readonly onChange?: (usage: ModelUsageSummary) => void) {}

  /** A call starts with these prompt characters; `continuation` counts it as a continuation too. */
  startCall(promptChars: number, kind: 'call' | 'continuation' = 'call'): CallMeter {
    const figures: CallFigures = { prompt: Math.ceil(promptChars / 4), cached: 0, completion: 0, reported: false };
    this.calls.push(figures);
    if (kind === 'continuation') this.continuations++;
    let streamedChars = 0;
    this.changed();
    return {
      streamed: (text) => {
        if (text.length === 0) return;
        this.ttftMs ??= Date.now() - this.startedAt;
        if (figures.reported) return;
        streamedChars += text.length;
        figures.completion = Math.ceil(streamedChars / 4);
        this.changed();
      },
      discard: () => {
        const index = this.calls.indexOf(figures);
        if (index !== -1) this.calls.splice(index, 1);
        if (kind === 'continuation') this.continuations--;
        this.changed();
      },
      reported: (usage) => {
        figures.prompt = usage.promptTokens;
        figures.cached = usage.cachedTokens;
        figures.completion = usage.completionTokens;
        figures.reported = true;
        this.changed();
      },
    };
  }

  /** Prompt plus completion tokens so far, estimates included: what a budget is held against. */
  totalTokens(): number {
    return this.calls.reduce((total, call) => total + call.prompt + call.completion, 0);
  }

  summary(): ModelUsageSummary {
    const sum = (pick: (call: CallFigures) => number) => this.calls.reduce((total, call) => total + pick(call), 0);
    return {
      promptTokens: sum((call) => call.prompt),
      cachedTokens: sum((call) => call.cached),
      completionTokens: sum((call) => call.completion),
      calls: this.calls.length,
      continuations: this.continuations,
      ...(this.ttftMs === undefined ? {} : { ttftMs: this.ttftMs }),
      totalMs: Date.now() - this.startedAt,
    };
  }

  private changed(): void {
    this.onChange?.(this.summary());
  }
}
