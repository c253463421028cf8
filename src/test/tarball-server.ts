// For tests only: serves one tiny npm package as a tarball on loopback, so a real `npm install` has a
// dependency to fetch without the registry, and a test decides how long the fetch takes (held until
// released, or delayed). Each URL carries a tag of its own, so npm's cache never answers for it.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TarballServer {
  /** A fresh URL of the package; one with `missing` in its tag answers 404. */
  url(tag?: string): string;
  /** The tags asked for so far, in order. */
  readonly requested: string[];
  /** Requests from now on wait until release(). */
  hold(): void;
  release(): void;
  /** Resolves once `tag` has been asked for. */
  waitForRequest(tag: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTarballServer(options: { delayMs?: number } = {}): Promise<TarballServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tarball-server-'));
  await mkdir(path.join(dir, 'package'));
  await writeFile(path.join(dir, 'package', 'package.json'), JSON.stringify({ name: 'slow-dep', version: '1.0.0', main: 'index.js' }));
  await writeFile(path.join(dir, 'package', 'index.js'), `module.exports = 'slow-dep';\n`);
  execFileSync('tar', ['czf', path.join(dir, 'slow-dep.tgz'), '-C', dir, 'package']);
  const tarball = await readFile(path.join(dir, 'slow-dep.tgz'));

  const requested: string[] = [];
  const held: Array<() => void> = [];
  const waiters: Array<{ tag: string; resolve: () => void }> = [];
  let holding = false;
  const answer = (tag: string, res: ServerResponse) => {
    if (tag.includes('missing')) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tarball.length }).end(tarball);
  };
  const server = createServer((req, res) => {
    const tag = (req.url ?? '').split('/')[1] ?? '';
    requested.push(tag);
    for (const waiter of waiters.filter((entry) => entry.tag === tag)) waiter.resolve();
    const send = () => setTimeout(() => answer(tag, res), options.delayMs ?? 0);
    if (holding) held.push(send);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (tag = randomUUID()) => `http://127.0.0.1:${port}/${tag}/slow-dep-1.0.0.tgz`,
    requested,
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      for (const send of held.splice(0)) send();
    },
    waitForRequest: (tag, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        if (requested.includes(tag)) return resolve();
        const timer = setTimeout(() => reject(new Error(`no request for ${tag} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ tag, resolve: () => (clearTimeout(timer), resolve()) });
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
