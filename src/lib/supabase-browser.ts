'use client';
// The browser's Supabase client (connected mode only): cookie-based sessions through @supabase/ssr,
// one instance per page so Realtime channels and auth state are shared.
import { createBrowserClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import { clientEnv, supabasePublicConfig } from '@/env';

let client: SupabaseClient | undefined;

/** null in embedded mode, where there is no Supabase and no sign-in. */
export function getSupabaseBrowserClient(): SupabaseClient | null {
  const supabase = supabasePublicConfig(clientEnv);
  if (!supabase) return null;
  client ??= createBrowserClient(supabase.url, supabase.anonKey);
  return client;
}
