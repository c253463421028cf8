// A local stand-in for the Trigger.dev API (the hosted service cannot be reached from here): it
// answers the SDK's trigger call with a run id and records what was sent, so tests check the real
// SDK's real HTTP request.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedTrigger {
  url: string;
  authorization: string | undefined;
  body: { payload: string; options: { idempotencyKey?: string; concurrencyKey?: string; payloadType?: string } };
}

export interface TriggerApiStandIn {
  baseURL: string;
  recorded: RecordedTrigger[];
  /** The payloads of the recorded trigger calls, decoded from the SDK's superjson. */
  payloads(): unknown[];
  close(): Promise<void>;
}

export async function startTriggerApiStandIn(): Promise<TriggerApiStandIn> {
  const recorded: RecordedTrigger[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      recorded.push({ url: request.url ?? '', authorization: request.headers.authorization, body: JSON.parse(body || '{}') });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `run_${recorded.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    recorded,
    payloads: () => recorded.map((call) => (JSON.parse(call.body.payload) as { json: unknown }).json),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
