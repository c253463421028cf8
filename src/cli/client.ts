// The typed tRPC client that scripts (and the forge CLI) use to drive a running API Forge server.
// Only the router's type is imported, so no server code is loaded in the script's process.
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@/server/api/root';

export type ForgeClient = TRPCClient<AppRouter>;

export interface ForgeClientOptions {
  /** The server's base URL (`http://127.0.0.1:3000`), or its tRPC endpoint (`.../api/trpc`). */
  url: string;
  /** A Supabase access token, for servers in connected mode. */
  accessToken?: string;
}

const TRPC_PATH = '/api/trpc';

/** Where the server answers tRPC calls, from its base URL. */
export function trpcEndpoint(serverUrl: string): string {
  const base = serverUrl.replace(/\/+$/, '');
  return base.endsWith(TRPC_PATH) ? base : `${base}${TRPC_PATH}`;
}

/**
 * One request per call (httpLink, not a batch): `stream.since` holds its request open for up to
 * 25 s, and in a batch every other call's answer would wait for it.
 */
export function createForgeClient({ url, accessToken }: ForgeClientOptions): ForgeClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: trpcEndpoint(url),
        transformer: superjson,
        headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
      }),
    ],
  });
}
