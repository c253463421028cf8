'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { errorMessage } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import { Icon } from '../ui/icon';
import { formatRelativeTime } from '../ui/relative-time';

export function ProjectList() {
  const trpc = useTRPC();
  const projects = useQuery(trpc.projects.list.queryOptions());

  if (projects.isPending) {
    return (
      <ul className="grid gap-3 sm:grid-cols-2" aria-busy="true" aria-label="Loading projects">
        {[0, 1, 2, 3].map((index) => (
          <li key={index} className="h-[84px] animate-pulse rounded-xl border border-zinc-800 bg-zinc-900/60" />
        ))}
      </ul>
    );
  }
  if (projects.isError) {
    return <p className="rounded-xl border border-red-900/60 bg-red-950/40 p-4 text-sm text-red-200">{errorMessage(projects.error)}</p>;
  }
  if (projects.data.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-zinc-800 p-10 text-center">
        <p className="text-zinc-300">No APIs yet.</p>
        <p className="mt-1 text-sm text-zinc-500">Describe one and watch it being written, file by file.</p>
        <Link
          href="/ask"
          className="mt-5 inline-flex items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-medium text-zinc-950 hover:bg-zinc-200"
        >
          <Icon name="spark" /> Build your first API
        </Link>
      </div>
    );
  }

  const now = new Date();
  return (
    <ul className="grid gap-3 sm:grid-cols-2" data-testid="project-list">
      {projects.data.map((project) => (
        <li key={project.id}>
          <Link
            href={`/projects/${project.id}`}
            data-testid="project-card"
            className="group block rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 transition hover:border-zinc-700 hover:bg-zinc-900"
          >
            <p className="truncate font-medium text-zinc-100 group-hover:text-white">{project.name}</p>
            <p className="mt-2 flex items-center gap-2 text-xs text-zinc-500">
              <span className="rounded bg-zinc-800 px-1.5 py-0.5 font-mono text-zinc-300">
                {project.versionCount} {project.versionCount === 1 ? 'version' : 'versions'}
              </span>
              <span>updated {formatRelativeTime(project.updatedAt, now)}</span>
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
