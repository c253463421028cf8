import { describe, expect, it } from 'vitest';
import { notRunningStatus, type PreviewStatus } from '@/types/preview';
import { CommandFailure } from './cli-errors';
import type { ForgeClient } from './client';
import { ensurePreviewReady } from './preview-wait';
import type { Terminal } from './terminal';

function status(overrides: Partial<PreviewStatus>): PreviewStatus {
  return { ...notRunningStatus('v'), ...overrides };
}

/** A client whose preview.status answers come in turn (the first before any start), recording the calls. */
function scriptedClient(statusAnswers: PreviewStatus[], startAnswer = status({ state: 'starting', step: 'install' })) {
  const calls: string[] = [];
  const client = {
    preview: {
      status: {
        query: async () => {
          calls.push('status');
          const answer = statusAnswers.shift();
          if (!answer) throw new Error('no scripted status left');
          return answer;
        },
      },
      start: {
        mutate: async () => {
          calls.push('start');
          return startAnswer;
        },
      },
    },
  } as unknown as ForgeClient;
  return { client, calls };
}

function capturingTerminal(warnInteractive: boolean): Terminal & { stderr: string } {
  const terminal = { stderr: '', write: () => {}, warn: (text: string) => void (terminal.stderr += text), interactive: false, warnInteractive, color: false, columns: 80 };
  return terminal;
}

/** A clock that moves only when the poller sleeps. */
function fakeTime() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

const VERSION = { versionId: 'v', versionNumber: 1 };
const READY = status({ state: 'ready', sandbox: 'test', url: 'http://127.0.0.1:1' });

describe('ensurePreviewReady', () => {
  it('answers at once, starting nothing, when the preview is ready', async () => {
    const { client, calls } = scriptedClient([READY]);
    const terminal = capturingTerminal(false);
    expect(await ensurePreviewReady({ client, terminal }, VERSION, fakeTime())).toBe(READY);
    expect(calls).toEqual(['status']);
    expect(terminal.stderr).toBe('');
  });

  it('starts a stopped preview and polls it, one plain line per step when stderr is not a terminal', async () => {
    const { client, calls } = scriptedClient([
      status({ state: 'stopped' }),
      status({ state: 'starting', step: 'install' }),
      status({ state: 'starting', step: 'build' }),
      status({ state: 'starting', step: 'start' }),
      READY,
    ]);
    const terminal = capturingTerminal(false);
    expect(await ensurePreviewReady({ client, terminal }, VERSION, fakeTime())).toBe(READY);
    expect(calls).toEqual(['status', 'start', 'status', 'status', 'status', 'status']);
    expect(terminal.stderr).toBe("starting v1's preview: install…\nstarting v1's preview: build…\nstarting v1's preview: start…\n");
  });

  it('redraws one line in place on a terminal, and clears it once ready', async () => {
    const { client } = scriptedClient([status({ state: 'starting', step: 'build' }), status({ state: 'starting', step: 'start' }), READY]);
    const terminal = capturingTerminal(true);
    await ensurePreviewReady({ client, terminal }, VERSION, fakeTime());
    expect(terminal.stderr).toBe("\r\u001b[2Kstarting v1's preview: build…\r\u001b[2Kstarting v1's preview: start…\r\u001b[2K");
  });

  it('waits for a preview already starting instead of starting it again', async () => {
    const { client, calls } = scriptedClient([status({ state: 'starting', step: 'install' }), READY]);
    await ensurePreviewReady({ client, terminal: capturingTerminal(false) }, VERSION, fakeTime());
    expect(calls).not.toContain('start');
  });

  it('starts a failed preview again', async () => {
    const { client, calls } = scriptedClient([status({ state: 'failed', message: 'old failure' }), READY]);
    await ensurePreviewReady({ client, terminal: capturingTerminal(false) }, VERSION, fakeTime());
    expect(calls).toEqual(['status', 'start', 'status']);
  });

  it('prints the log tail of a preview that fails, then fails with its message', async () => {
    const { client } = scriptedClient([
      status({ state: 'stopped' }),
      status({ state: 'failed', message: 'npm install failed (exit code 1)', logTail: 'npm ERR! 404 left-pad\n' }),
    ]);
    const terminal = capturingTerminal(false);
    const failure = ensurePreviewReady({ client, terminal }, VERSION, fakeTime());
    await expect(failure).rejects.toThrow(new CommandFailure("v1's preview failed: npm install failed (exit code 1)"));
    expect(terminal.stderr).toBe("starting v1's preview: install…\nThe end of v1's preview log:\nnpm ERR! 404 left-pad\n");
  });

  it('gives up at the deadline, saying how to wait again', async () => {
    const starting = () => status({ state: 'starting', step: 'install' });
    const { client, calls } = scriptedClient([starting(), starting(), starting(), starting(), starting()]);
    const failure = ensurePreviewReady({ client, terminal: capturingTerminal(false) }, VERSION, { ...fakeTime(), pollMs: 250, deadlineMs: 1000 });
    await expect(failure).rejects.toThrow(`v1's preview was not ready after 1 s (still at install). It goes on starting on the server: run "forge preview v" to wait again`);
    // Polls at 0, 250, 500, 750 and 1000 ms: the last answer is the one that is too late.
    expect(calls.filter((call) => call === 'status')).toHaveLength(5);
  });

  it('says so when the preview is stopped while it starts', async () => {
    const { client } = scriptedClient([status({ state: 'starting' }), status({ state: 'stopped', stopReason: 'user', message: 'Stopped.' })]);
    await expect(ensurePreviewReady({ client, terminal: capturingTerminal(false) }, VERSION, fakeTime())).rejects.toThrow("v1's preview stopped before it was ready: Stopped.");
  });
});
