// The API checks inside a local sandbox run: the behaviour round and the saved checks run after the
// route probes, a regression is marked against the base version's result, and a server whose data
// the checks changed is started again before it is handed over as the preview.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationCheck } from '@/types/versioning';
import { crudApiFiles } from '@/test/crud-api-files';
import type { RunningApi } from '../ports';
import { createLocalSandbox } from './local-sandbox';
import { createSemaphore } from './semaphore';
import { savedCheckFixture } from '@/test/saved-check-fixture';

let sandboxRoot: string;
beforeAll(async () => {
  sandboxRoot = await mkdtemp(path.join(tmpdir(), 'api-checks-sandbox-'));
});
afterAll(() => rm(sandboxRoot, { recursive: true, force: true }));

const sandbox = () => createLocalSandbox({ sandboxRoot: sandboxRoot, killGraceMs: 500, slots: createSemaphore(8), bubblewrap: 'off' });

const savedCheck = savedCheckFixture;

describe.concurrent('API checks in the local sandbox', () => {
  it('runs the behaviour round, then starts the server again so the preview holds no checked data', async () => {
    let adopted: RunningApi | undefined;
    const report = await sandbox().validate(crudApiFiles(), {
      routes: [],
      adoptServer: (api) => ((adopted = api), true),
    });
    try {
      const behaviour = report.checks.filter((check) => check.kind === 'behaviour');
      expect(behaviour.map((check) => [check.check, check.ok])).toEqual([
        ['books: create', true],
        ['books: read', true],
        ['books: update', true],
        ['books: bad body', true],
        ['books: delete', true],
      ]);
      expect(report.ok).toBe(true);
      expect(adopted).toBeDefined();
      // The create and the bad body advanced the id counter; a fresh start has an empty store.
      const list = await fetch(`${adopted!.baseUrl}/books`);
      expect(await list.json()).toEqual([]);
      const created = await fetch(`${adopted!.baseUrl}/books`, { method: 'POST', body: JSON.stringify({ title: 'Emma', year: 1815 }) });
      expect(await created.json()).toMatchObject({ id: '1' });
    } finally {
      await adopted?.stop();
    }
  });

  it('marks a saved check that passed on the base and fails now as a regression, without failing the version', async () => {
    const missing = savedCheck({ id: 'gone', name: 'GET /authors → 200', path: '/authors', expectJson: [{ name: 'Frank' }] });
    const passing = savedCheck({ id: 'books', expectJson: [] });
    const report = await sandbox().validate(crudApiFiles(), {
      routes: [],
      apiChecks: {
        behaviour: false,
        saved: [
          { check: missing, base: { versionNumber: 2, ok: true, response: { status: 200, body: '[{"name":"Frank"}]' } } },
          { check: passing, base: { versionNumber: 2, ok: true } },
        ],
      },
    });
    const saved = new Map(report.checks.filter((check) => check.kind === 'saved').map((check) => [check.savedCheckId, check] as const));
    expect(saved.get('books')).toMatchObject({ ok: true, check: 'saved: GET /books → 200', detail: 'answered 200 OK, with the JSON expected' });
    expect(saved.get('gone')).toMatchObject<Partial<ValidationCheck>>({
      ok: false,
      check: 'saved: GET /authors → 200',
      detail: 'GET /authors answered 404 Not Found, expected 200; it passed on v2',
      regression: { baseVersionNumber: 2, baseResponse: { status: 200, body: '[{"name":"Frank"}]' } },
      exchange: { request: { method: 'GET', path: '/authors' }, response: { status: 404, body: '{"error":"not found"}' } },
    });
    expect(report.ok).toBe(true);
  });
});
