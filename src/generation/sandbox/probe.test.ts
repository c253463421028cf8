import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { reserveFreePort } from './free-port';
import { probeHttp, waitUntilListening } from './probe';

const servers: Server[] = [];
afterEach(async () => {
  const closing = servers.splice(0).map(
    (server) =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  await Promise.all(closing);
});

async function serve(handler: Parameters<typeof createServer>[1], host = '127.0.0.1'): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

const never = new Promise<never>(() => {});

describe('probeHttp', () => {
  it('reads only the start of a body that never ends', async () => {
    const port = await serve((_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('x'.repeat(1024)), 5);
      res.on('close', () => clearInterval(timer));
    });
    const result = await probeHttp(`http://127.0.0.1:${port}`, { method: 'GET', path: '/stream', timeoutMs: 2_000 });
    expect(result.status).toBe(200);
    expect(result.timedOut).toBe(false);
    expect(result.summary).toBe(`200 OK · ${'x'.repeat(200)}…`);
  });

  it('says when headers came but the body did not finish in time', async () => {
    const port = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
    });
    const result = await probeHttp(`http://127.0.0.1:${port}`, { method: 'GET', path: '/', timeoutMs: 300 });
    expect(result).toMatchObject({ status: 200, timedOut: true, summary: '200 OK, but the body did not finish within 0.3 s' });
  });

  it('sends a JSON body and does not follow redirects', async () => {
    let received = '';
    const port = await serve((req, res) => {
      req.on('data', (chunk: Buffer) => (received += chunk.toString()));
      req.on('end', () => res.writeHead(302, { location: 'http://example.invalid/' }).end());
    });
    const result = await probeHttp(`http://127.0.0.1:${port}`, { method: 'POST', path: '/books', timeoutMs: 2_000, jsonBody: {} });
    expect(result.status).toBe(302);
    expect(received).toBe('{}');
  });

  it('keeps a path that looks protocol-relative on the server under test', async () => {
    let seenUrl = '';
    const port = await serve((req, res) => {
      seenUrl = req.url ?? '';
      res.end();
    });
    const result = await probeHttp(`http://127.0.0.1:${port}`, { method: 'GET', path: '//example.com/x', timeoutMs: 2_000 });
    expect(result.status).toBe(200);
    expect(seenUrl).toBe('//example.com/x');
  });

  it('explains a refused connection', async () => {
    const { port, release } = await reserveFreePort();
    release();
    const result = await probeHttp(`http://127.0.0.1:${port}`, { method: 'GET', path: '/', timeoutMs: 2_000 });
    expect(result.status).toBeUndefined();
    expect(result.summary).toMatch(/^request failed: .*ECONNREFUSED/);
  });
});

describe('waitUntilListening', () => {
  it('finds a server that listens on IPv6 loopback only', async () => {
    let port: number;
    try {
      port = await serve((_req, res) => res.end(), '::1');
    } catch {
      return; // No IPv6 here.
    }
    const result = await waitUntilListening(port, { timeoutMs: 2_000, exited: never });
    expect(result).toEqual({ state: 'listening', baseUrl: `http://[::1]:${port}` });
  });

  it('stops waiting when the process exits, or at the timeout', async () => {
    const { port, release } = await reserveFreePort();
    try {
      const exit = { code: 1, signal: null };
      expect(await waitUntilListening(port, { timeoutMs: 5_000, exited: Promise.resolve(exit) })).toEqual({ state: 'exited', exit });
      const startedAt = Date.now();
      expect(await waitUntilListening(port, { timeoutMs: 300, exited: never })).toEqual({ state: 'timeout' });
      expect(Date.now() - startedAt).toBeLessThan(1_500);
    } finally {
      release();
    }
  });
});

describe('reserveFreePort', () => {
  it('hands out each port once while it is reserved', async () => {
    const reservations = await Promise.all(Array.from({ length: 20 }, () => reserveFreePort()));
    expect(new Set(reservations.map((reservation) => reservation.port)).size).toBe(20);
    for (const reservation of reservations) reservation.release();
  });
});
