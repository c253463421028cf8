// The real Trigger.dev SDK makes its real HTTP call, to a local stand-in for the Trigger.dev API
// that records it (the hosted service cannot be reached from here).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys } from '@trigger.dev/sdk';
import { createTriggerEnqueuer } from './trigger-queue';

interface RecordedTrigger {
  url: string;
  authorization: string | undefined;
  body: { payload: string; options: { idempotencyKey?: string; concurrencyKey?: string; payloadType?: string } };
}

describe('Trigger.dev enqueue path', () => {
  const recorded: RecordedTrigger[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      recorded.push({ url: request.url ?? '', authorization: request.headers.authorization, body: JSON.parse(body || '{}') });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `run_${recorded.length}` }));
    });
  });
  let baseURL = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('triggers generate-version with the payload, the version id as idempotency key and the project as concurrency key', async () => {
    const enqueue = createTriggerEnqueuer({ secretKey: 'tr_dev_test', baseURL });
    const versionId = crypto.randomUUID();
    const projectId = crypto.randomUUID();
    const { runId } = await enqueue(versionId, projectId);
    expect(runId).toBe('run_1');

    const [call] = recorded;
    expect(call!.url).toBe('/api/v1/tasks/generate-version/trigger');
    expect(call!.authorization).toBe('Bearer tr_dev_test');
    // The SDK sends payloads as superjson.
    expect(call!.body.options.payloadType).toBe('application/super+json');
    expect(JSON.parse(call!.body.payload).json).toEqual({ versionId, projectId });
    expect(call!.body.options.concurrencyKey).toBe(projectId);
    const expectedKey = await idempotencyKeys.create(versionId, { scope: 'global' });
    expect(call!.body.options.idempotencyKey).toBe(expectedKey.toString());

    // Same version again: same key, so Trigger.dev starts no second run.
    await enqueue(versionId, projectId);
    expect(recorded[1]!.body.options.idempotencyKey).toBe(call!.body.options.idempotencyKey);
  });
});
