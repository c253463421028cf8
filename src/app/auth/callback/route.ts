// Where magic links and email confirmations land: trades the one-time code for a session cookie.
import { createServerClient } from '@supabase/ssr';
import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { clientEnv, supabasePublicConfig } from '@/env';
import { serverRealtimeOptions } from '@/server/auth/server-realtime-transport';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const code = request.nextUrl.searchParams.get('code');
  const next = request.nextUrl.searchParams.get('next') ?? '/';
  const supabasePublic = supabasePublicConfig(clientEnv);
  const destination = new URL(next.startsWith('/') ? next : '/', request.url);
  if (!code || !supabasePublic) return NextResponse.redirect(new URL('/sign-in?error=missing-code', request.url));

  const cookieStore = await cookies();
  const supabase = createServerClient(supabasePublic.url, supabasePublic.anonKey, {
    realtime: serverRealtimeOptions,
    cookies: {
      getAll: () => cookieStore.getAll(),
      setAll: (cookiesToSet) => {
        for (const { name, value, options } of cookiesToSet) cookieStore.set(name, value, options);
      },
    },
  });
  const { error } = await supabase.auth.exchangeCodeForSession(code);
  if (error) return NextResponse.redirect(new URL(`/sign-in?error=${encodeURIComponent(error.message)}`, request.url));
  return NextResponse.redirect(destination);
}
