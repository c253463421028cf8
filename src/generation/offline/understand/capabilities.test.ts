import { describe, expect, it } from 'vitest';
import { capabilitiesMessage, CHANGE_EXAMPLES, CREATE_EXAMPLES } from './capabilities';
import { answer, applyAnswer } from '@/test/offline-conversations';

// A base every change example applies to: it has books with a price, authors, and rate limiting.
const BASE_PROMPT = 'A bookstore API with authors, and books with title and price, with rate limiting';

describe('the capabilities the offline generator lists', () => {
  it.each(CREATE_EXAMPLES)('builds the first-version example %j', (prompt) => {
    const result = answer(prompt);
    expect(result.plan, result.summary).toBeDefined();
  });

  const base = applyAnswer({}, answer(BASE_PROMPT));
  it.each(CHANGE_EXAMPLES)('carries out the change example %j', (prompt) => {
    const result = answer(prompt, base);
    expect(result.plan, result.summary).toBeDefined();
  });

  it('names every feature, and how to connect a model for the rest', () => {
    const message = capabilitiesMessage('Problem.', false);
    for (const feature of ['JWT auth', 'pagination', 'filtering', 'rate limiting', 'CORS', 'request logging', 'tests']) expect(message).toContain(feature);
    expect(message).toContain('OPENAI_API_KEY');
  });
});
