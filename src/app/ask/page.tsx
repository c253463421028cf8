import Link from 'next/link';
import { AskForm } from '@/components/home/ask-form';

export default function AskPage() {
  return (
    <main className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex max-w-2xl flex-col px-6 py-16">
        <Link href="/" className="font-mono text-xs tracking-widest text-sky-400 uppercase hover:text-sky-300">
          ← API Forge
        </Link>
        <h1 className="mt-6 text-4xl font-semibold tracking-tight">What should your API do?</h1>
        <p className="mt-2 text-zinc-400">
          Describe it in a sentence. The code is written file by file while you watch, then started in a sandbox and checked.
        </p>
        <div className="mt-8">
          <AskForm />
        </div>
      </div>
    </main>
  );
}
