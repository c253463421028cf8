// The real Trigger.dev SDK makes its real HTTP call, to a local stand-in for the Trigger.dev API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys } from '@trigger.dev/sdk';
import { startTriggerApiStandIn, type TriggerApiStandIn } from '@/test/trigger-api-stand-in';
import { createTriggerEnqueuer } from './trigger-job-backend';

describe('Trigger.dev enqueue path', () => {
  let standIn: TriggerApiStandIn;
  beforeAll(async () => {
    standIn = await startTriggerApiStandIn();
  });
  afterAll(() => standIn?.close());

  it('triggers generate-version with the payload, the version id as idempotency key and the project as concurrency key', async () => {
    const enqueue = createTriggerEnqueuer({ secretKey: 'tr_dev_test', baseURL: standIn.baseURL });
    const versionId = crypto.randomUUID();
    const projectId = crypto.randomUUID();
    const { runId } = await enqueue(versionId, projectId);
    expect(runId).toBe('run_1');

    const [call] = standIn.recorded;
    expect(call!.url).toBe('/api/v1/tasks/generate-version/trigger');
    expect(call!.authorization).toBe('Bearer tr_dev_test');
    // The SDK sends payloads as superjson.
    expect(call!.body.options.payloadType).toBe('application/super+json');
    expect(standIn.payloads()[0]).toEqual({ versionId, projectId });
    expect(call!.body.options.concurrencyKey).toBe(projectId);
    const expectedKey = await idempotencyKeys.create(versionId, { scope: 'global' });
    expect(call!.body.options.idempotencyKey).toBe(expectedKey.toString());

    // Same version again: same key, so Trigger.dev starts no second run.
    await enqueue(versionId, projectId);
    expect(standIn.recorded[1]!.body.options.idempotencyKey).toBe(call!.body.options.idempotencyKey);
  });
});
