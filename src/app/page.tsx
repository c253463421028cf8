import Link from 'next/link';
import { Icon } from '@/components/ui/icon';
import { ProjectList } from '@/components/home/project-list';

export default function HomePage() {
  return (
    <main className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-4xl px-6 py-12">
        <header className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="font-mono text-xs tracking-widest text-sky-400 uppercase">API Forge</p>
            <h1 className="mt-2 text-3xl font-semibold tracking-tight">Your APIs</h1>
            <p className="mt-1 text-sm text-zinc-400">Every prompt makes a new version you can switch back to.</p>
          </div>
          <Link
            href="/ask"
            data-testid="new-project"
            className="inline-flex items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-medium text-zinc-950 hover:bg-zinc-200"
          >
            <Icon name="plus" /> New API
          </Link>
        </header>
        <section className="mt-8" aria-label="Projects">
          <ProjectList />
        </section>
      </div>
    </main>
  );
}
