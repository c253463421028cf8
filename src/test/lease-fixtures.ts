// Shared by the lease, sweeper and stop-signal tests: a model that writes until it is stopped, and a
// pending version in a project of its own.
import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { insertProject } from '@/db/stores/projects-store';
import { insertVersion } from '@/db/stores/versions-store';
import type { ModelAdapter } from '@/generation/ports';

/** Writes one file line by line, every 10 ms, until aborted. */
export function endlessModel(): ModelAdapter {
  return {
    name: 'endless',
    async *stream(_request, { signal }) {
      yield '<plan title="Tasks">src/app.ts create</plan>\n<file path="src/app.ts">\n';
      for (let line = 0; !signal.aborted; line++) {
        yield `export const line${line} = ${line};\n`;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}

export async function insertPendingVersion(db: Database, projectName: string) {
  const project = await insertProject(db, { ownerId: randomUUID(), name: projectName });
  return insertVersion(db, { projectId: project.id, prompt: 'An API for tasks', baseVersionId: null });
}
