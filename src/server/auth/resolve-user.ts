// Who is asking. Embedded mode has one local user; connected mode asks Supabase Auth, from the
// cookie session (the browser) or from an `Authorization: Bearer <access token>` header (scripts).
import { createServerClient, parseCookieHeader } from '@supabase/ssr';
import type { Backends, Env } from '@/env';
import { serverRealtimeOptions } from './server-realtime-transport';

/** The one user of embedded mode (no sign-in; the server binds 127.0.0.1). */
export const LOCAL_USER_ID = '00000000-0000-4000-8000-000000000001';

function bearerToken(headers: Headers): string | undefined {
  return headers.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
}

/** The user's id, or null when the request carries no valid session. */
export async function resolveUserId(headers: Headers, env: Env, chosen: Backends): Promise<string | null> {
  if (chosen.users === 'local') return LOCAL_USER_ID;
  const supabase = createServerClient(env.NEXT_PUBLIC_SUPABASE_URL!, env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    realtime: serverRealtimeOptions,
    cookies: {
      getAll: () => parseCookieHeader(headers.get('cookie') ?? '').map(({ name, value }) => ({ name, value: value ?? '' })),
      // Route handlers cannot set cookies on this response; src/proxy.ts refreshes sessions instead.
      setAll: () => {},
    },
  });
  const token = bearerToken(headers);
  // getUser asks the Auth server, so a forged or expired token is refused (getSession would trust it).
  const { data, error } = token ? await supabase.auth.getUser(token) : await supabase.auth.getUser();
  if (error || !data.user) return null;
  return data.user.id;
}
