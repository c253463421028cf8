// Helpers for the sandbox tests: which processes are alive, and small hand-written APIs.
import { readdirSync, readFileSync } from 'node:fs';
import type { FileMap } from '@/types/versioning';
import { readProcEntry } from '@/generation/sandbox/proc-table';

/**
 * process.kill(pid, 0), except that a zombie counts as dead: a reparented child that exited stays
 * signalable until init reaps it, which is not ours to wait for.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return readProcEntry(pid)?.zombie !== true;
}

/** Pids of processes with `marker` in their command line; zombies have none. */
export function pidsWithMarker(marker: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(marker)) pids.push(Number(name));
    } catch {
      // Exited while we looked.
    }
  }
  return pids;
}

export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A plain-JS API with no dependencies, so `npm install` is near instant. */
export function plainApi(serverJs: string, extra: { scripts?: Record<string, string>; files?: FileMap } = {}): FileMap {
  return {
    'package.json': JSON.stringify({
      name: 'fixture-api',
      version: '1.0.0',
      private: true,
      scripts: { start: 'node server.js', ...extra.scripts },
    }),
    'server.js': serverJs,
    ...extra.files,
  };
}

/** A server.js whose request handler is `handler` (a function body over `req`, `res`, `send`). */
export function httpServer(handler: string, setup = ''): string {
  return `
const http = require('http');
${setup}
const send = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
http.createServer((req, res) => {
  ${handler}
}).listen(Number(process.env.PORT));
`;
}
