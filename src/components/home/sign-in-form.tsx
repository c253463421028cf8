'use client';
// Email + password (sign in or sign up) and magic link, through Supabase Auth. In embedded mode
// there is nothing to sign in to, and the form says so.
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { getSupabaseBrowserClient } from '@/lib/supabase-browser';

type Mode = 'sign-in' | 'sign-up' | 'magic-link';

export function SignInForm() {
  const supabase = getSupabaseBrowserClient();
  const router = useRouter();
  const searchParams = useSearchParams();
  const next = searchParams.get('next') ?? '/';
  const [mode, setMode] = useState<Mode>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(searchParams.get('error'));

  if (!supabase) {
    return (
      <p className="rounded-md border border-zinc-800 bg-zinc-900 p-4 text-sm text-zinc-300">
        This server runs in embedded mode with one local user, so there is no sign-in.{' '}
        <Link href="/" className="text-emerald-400 underline">
          Go to your projects
        </Link>
        .
      </p>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!supabase) return;
    setBusy(true);
    setMessage(null);
    const redirectTo = `${window.location.origin}/auth/callback?next=${encodeURIComponent(next)}`;
    const result =
      mode === 'magic-link'
        ? await supabase.auth.signInWithOtp({ email, options: { emailRedirectTo: redirectTo } })
        : mode === 'sign-up'
          ? await supabase.auth.signUp({ email, password, options: { emailRedirectTo: redirectTo } })
          : await supabase.auth.signInWithPassword({ email, password });
    setBusy(false);
    if (result.error) return setMessage(result.error.message);
    if (mode === 'magic-link') return setMessage(`Check ${email} for a sign-in link.`);
    if (mode === 'sign-up' && !result.data.session) return setMessage(`Check ${email} to confirm your account.`);
    router.push(next);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <div role="tablist" aria-label="How to sign in" className="flex gap-1 rounded-md bg-zinc-900 p-1 text-sm">
        {(['sign-in', 'sign-up', 'magic-link'] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="tab"
            aria-selected={mode === option}
            onClick={() => setMode(option)}
            className={`flex-1 rounded px-2 py-1 ${mode === option ? 'bg-zinc-700 text-zinc-100' : 'text-zinc-400 hover:text-zinc-200'}`}
          >
            {option === 'sign-in' ? 'Sign in' : option === 'sign-up' ? 'Sign up' : 'Email link'}
          </button>
        ))}
      </div>
      <label className="flex flex-col gap-1 text-sm text-zinc-300">
        Email
        <input
          type="email"
          required
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          className="rounded-md border border-zinc-700 bg-zinc-950 px-3 py-2 text-zinc-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-500"
        />
      </label>
      {mode !== 'magic-link' && (
        <label className="flex flex-col gap-1 text-sm text-zinc-300">
          Password
          <input
            type="password"
            required
            minLength={6}
            autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            className="rounded-md border border-zinc-700 bg-zinc-950 px-3 py-2 text-zinc-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-500"
          />
        </label>
      )}
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-emerald-600 px-3 py-2 text-sm font-medium text-white hover:bg-emerald-500 disabled:opacity-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-300"
      >
        {busy ? 'Please wait…' : mode === 'sign-in' ? 'Sign in' : mode === 'sign-up' ? 'Create account' : 'Send link'}
      </button>
      {message && (
        <p role="status" className="text-sm text-zinc-300">
          {message}
        </p>
      )}
    </form>
  );
}
