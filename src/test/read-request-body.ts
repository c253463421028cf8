// The whole body of a request to one of the test servers (OpenAI fixture, Realtime stand-in).
import type { IncomingMessage } from 'node:http';

export function readRequestBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}
