import { describe, expect, it } from 'vitest';
import { promptLengthHint } from './prompt-length';

describe('promptLengthHint', () => {
  it('appears near the cap and says when the prompt is over it', () => {
    expect(promptLengthHint(6_399, 8_000)).toBeNull();
    expect(promptLengthHint(6_400, 8_000)).toEqual({ text: '6,400 / 8,000', over: false });
    expect(promptLengthHint(8_001, 8_000)).toEqual({ text: '8,001 / 8,000', over: true });
  });
});
