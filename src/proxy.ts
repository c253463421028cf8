// Connected mode only: refreshes the Supabase session cookie on every request (the pattern
// @supabase/ssr documents) and sends signed-out visitors to /sign-in. Embedded mode passes through.
import { createServerClient } from '@supabase/ssr';
import { NextResponse, type NextRequest } from 'next/server';
import { clientEnv, supabasePublicConfig } from '@/env';
import { serverRealtimeOptions } from '@/server/auth/server-realtime-transport';

const PUBLIC_PATHS = ['/sign-in', '/auth/', '/api/health'];

export async function proxy(request: NextRequest) {
  const supabasePublic = supabasePublicConfig(clientEnv);
  if (!supabasePublic) return NextResponse.next();

  let response = NextResponse.next({ request });
  const supabase = createServerClient(supabasePublic.url, supabasePublic.anonKey, {
    realtime: serverRealtimeOptions,
    cookies: {
      getAll: () => request.cookies.getAll(),
      setAll: (cookiesToSet) => {
        for (const { name, value } of cookiesToSet) request.cookies.set(name, value);
        response = NextResponse.next({ request });
        for (const { name, value, options } of cookiesToSet) response.cookies.set(name, value, options);
      },
    },
  });
  const {
    data: { user },
  } = await supabase.auth.getUser();

  const path = request.nextUrl.pathname;
  const isPublic = PUBLIC_PATHS.some((prefix) => path === prefix || path.startsWith(prefix));
  // API calls answer UNAUTHORIZED themselves (scripts use bearer tokens, not cookies).
  if (!user && !isPublic && !path.startsWith('/api/')) {
    const signIn = request.nextUrl.clone();
    signIn.pathname = '/sign-in';
    signIn.searchParams.set('next', path);
    return NextResponse.redirect(signIn);
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp)$).*)'],
};
