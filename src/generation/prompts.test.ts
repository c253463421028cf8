import { describe, expect, it } from 'vitest';
import { buildPromptMessages, describeBaseFiles } from './prompts';

describe('prompts', () => {
  it('v1 states the generated-API contract and sends the request as is', () => {
    const messages = buildPromptMessages({ versionNumber: 1, prompt: 'A todo API', baseFiles: {}, history: [] });
    expect(messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(messages[0]!.content).toMatch(/process\.env\.PORT/);
    expect(messages[0]!.content).toMatch(/GET \/health/);
    expect(messages[0]!.content).toMatch(/openapi\.json/);
    expect(messages[1]!.content).toBe('A todo API');
  });

  it('v2 sends whole base files, the recent chat and asks only for changed files', () => {
    const longFile = `export function handler() {\n${'  work();\n'.repeat(200)}}\n`;
    const messages = buildPromptMessages({
      versionNumber: 2,
      prompt: 'Add auth',
      baseFiles: { 'src/index.ts': longFile, 'package.json': '{}' },
      history: [{ role: 'user', content: 'A todo API' }],
    });
    expect(messages[0]!.content).toMatch(/ONLY the files you create, modify or delete/);
    // Never the seed's 500-character truncation: the file goes in whole.
    expect(messages[1]!.content).toContain(longFile);
    expect(messages[1]!.content).toContain('user: A todo API');
    expect(messages[1]!.content).toContain('USER REQUEST: Add auth');
  });

  it('summarises the files that do not fit the budget instead of cutting them', () => {
    const files = { 'small.ts': 'export const a = 1;\n', 'big.ts': `export function bigOne() {}\n${'x'.repeat(4000)}` };
    const described = describeBaseFiles(files, 100);
    expect(described.fullFiles).toEqual(['small.ts']);
    expect(described.summarised).toEqual(['big.ts']);
    expect(described.text).toContain('- big.ts (2 lines; exports bigOne)');
    expect(described.text).not.toContain('xxxx');
  });
});
