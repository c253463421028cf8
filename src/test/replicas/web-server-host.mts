// A child "web server" for the replica tests: the app's services from env (DATABASE_URL, FORGE_WORKER,
// ...), and the real tRPC router served over HTTP at /api/trpc the way the Next route handler serves
// it, for the local user. Prints {"ready": port} on stdout once listening (WEB_PORT, default 0: any).
//
//   node --conditions=react-server --import tsx src/test/replicas/web-server-host.mts
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { appRouter } from '@/server/api/root';
import { createTRPCContext } from '@/server/api/trpc';
import { createAppServices } from '@/server/app-services';
import { decideBackends, parseEnv } from '@/env';

const env = parseEnv(process.env);
const services = await createAppServices({ env, backends: decideBackends(env) });

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

const server = createHTTPServer({
  basePath: '/api/trpc/',
  router: appRouter,
  createContext: ({ req, info }) => createTRPCContext({ headers: toHeaders(req.headers), signal: info.signal, services }),
  onError({ error, path }) {
    if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${path ?? '?'} failed:`, error.cause ?? error);
  },
});
// Long-polls hold a request for up to 25 s; Node's defaults would cut none of them, but be explicit.
server.requestTimeout = 0;
server.keepAliveTimeout = 60_000;

server.listen(Number(process.env.WEB_PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : null;
  process.stdout.write(`${JSON.stringify({ ready: port, pid: process.pid, jobs: services.backends.jobs })}\n`);
});

let closing = false;
async function shutDown(): Promise<void> {
  if (closing) return;
  closing = true;
  server.closeAllConnections();
  server.close();
  await services.close().catch((error: unknown) => console.error('[web-server-host] closing services failed:', error));
  process.exit(0);
}
process.on('SIGTERM', () => void shutDown());
process.on('SIGINT', () => void shutDown());
