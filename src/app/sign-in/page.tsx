import { Suspense } from 'react';
import { SignInForm } from '@/components/home/sign-in-form';

export const dynamic = 'force-dynamic';

export default function SignInPage() {
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-sm flex-col justify-center gap-6 px-6">
      <div>
        <h1 className="text-2xl font-semibold text-zinc-100">Sign in to API Forge</h1>
        <p className="mt-1 text-sm text-zinc-400">With a password, or with a link sent to your email.</p>
      </div>
      <Suspense>
        <SignInForm />
      </Suspense>
    </main>
  );
}
