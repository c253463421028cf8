import { describe, expect, it } from 'vitest';
import type { StreamEvent, StreamEventBody } from '@/types/streaming';
import type { ForgeClient } from './client';
import type { Terminal } from './terminal';
import { watchCommand } from './watch';

type SinceAnswer = { events: StreamEvent[]; status: string; lastSeq: number };

function events(bodies: StreamEventBody[], firstSeq = 1): StreamEvent[] {
  return bodies.map((body, index) => ({ ...body, versionId: 'v', seq: firstSeq + index, at: '2026-01-01T00:00:00.000Z' }) as StreamEvent);
}

/** A client whose stream.since gives the scripted answers in turn, recording what it was asked. */
function scriptedClient(answers: SinceAnswer[]) {
  const asked: number[] = [];
  const client = {
    stream: {
      since: {
        query: async ({ afterSeq }: { afterSeq: number }) => {
          asked.push(afterSeq);
          const answer = answers.shift();
          if (!answer) throw new Error('no scripted answer left');
          return answer;
        },
      },
    },
  } as unknown as ForgeClient;
  return { client, asked };
}

function capturingTerminal(interactive: boolean): Terminal & { output: string } {
  const terminal = { output: '', write: (text: string) => void (terminal.output += text), warn: () => {}, interactive, color: false, columns: 200 };
  return terminal;
}

const FIRST_POLL = events([
  { type: 'version:start', versionNumber: 2, baseVersionId: null },
  { type: 'planning', message: 'Add reviews', files: ['a.ts', 'b.ts'] },
  { type: 'step', name: 'generating' },
  { type: 'file:generating', filePath: 'a.ts' },
  { type: 'code:chunk', filePath: 'a.ts', chunk: 'x', startLine: 1 },
  { type: 'file:complete', filePath: 'a.ts', operation: 'created' },
]);
const SECOND_POLL = events(
  [
    { type: 'file:generating', filePath: 'b.ts' },
    { type: 'file:complete', filePath: 'b.ts', operation: 'modified' },
    { type: 'version:complete', summary: 'Added reviews.', filesChanged: 2 },
  ],
  FIRST_POLL.length + 1,
);

describe('watchCommand', () => {
  it('asks for what follows the last event it printed, and prints each event once', async () => {
    const { client, asked } = scriptedClient([
      { events: FIRST_POLL, status: 'generating', lastSeq: FIRST_POLL.length },
      { events: SECOND_POLL, status: 'complete', lastSeq: SECOND_POLL.at(-1)!.seq },
    ]);
    const terminal = capturingTerminal(false);
    expect(await watchCommand({ client, terminal }, 'v')).toBe(0);
    expect(asked).toEqual([0, FIRST_POLL.length]);
    expect(terminal.output).toBe(
      [
        'v2 started',
        'Plan: Add reviews (2 files)',
        '· generating',
        '  writing   a.ts',
        '  created   a.ts',
        '  writing   b.ts',
        '  modified  b.ts',
        '✓ v2 complete: 2 files changed, not validated',
        '  Added reviews.',
        '',
      ].join('\n'),
    );
  });

  it('on a terminal, keeps a progress bar under the lines and clears it at the end', async () => {
    const { client } = scriptedClient([
      { events: FIRST_POLL, status: 'generating', lastSeq: FIRST_POLL.length },
      { events: SECOND_POLL, status: 'complete', lastSeq: SECOND_POLL.at(-1)!.seq },
    ]);
    const terminal = capturingTerminal(true);
    expect(await watchCommand({ client, terminal }, 'v')).toBe(0);
    expect(terminal.output).toContain('  created   a.ts\n[');
    expect(terminal.output).toContain('48% · generating · 1/2 files');
    expect(terminal.output).toContain('\r\u001b[2K  modified  b.ts\n');
    // The final line replaces the bar, and no bar is drawn after it.
    expect(terminal.output.endsWith('✓ v2 complete: 2 files changed, not validated\n  Added reviews.\n')).toBe(true);
  });

  it('exits 1 when the version fails', async () => {
    const failed = events([{ type: 'error', message: 'The model failed: boom', reason: 'model_error' }]);
    const { client } = scriptedClient([{ events: failed, status: 'failed', lastSeq: 1 }]);
    const terminal = capturingTerminal(false);
    expect(await watchCommand({ client, terminal }, 'v')).toBe(1);
    expect(terminal.output).toBe('✗ The version failed (model_error): The model failed: boom\n');
  });

  it('says so when an ended version’s stream was pruned', async () => {
    const { client } = scriptedClient([{ events: [], status: 'complete', lastSeq: 0 }]);
    const terminal = capturingTerminal(false);
    expect(await watchCommand({ client, terminal }, 'v')).toBe(0);
    expect(terminal.output).toMatch(/ended as complete; its stream is no longer kept/);
  });
});
