// Applies supabase/migrations/*.sql in name order, once each. The same files are what
// `supabase db push` applies, so they are the one source of truth for the schema.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseHandle } from './client';

export const MIGRATIONS_DIR = join(process.cwd(), 'supabase', 'migrations');

const LEDGER_SQL = `
create table if not exists forge_schema_migrations (
  name text primary key,
  applied_at timestamptz not null default now()
);
comment on table forge_schema_migrations is 'Which files of supabase/migrations the API Forge server has applied (npm run db:migrate or start-up).';
`;

export async function listMigrationFiles(dir = MIGRATIONS_DIR): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /^\d+_.+\.sql$/.test(name)).sort();
}

/** Returns the names of the migrations it applied. */
export async function applyMigrations(handle: DatabaseHandle, dir = MIGRATIONS_DIR): Promise<string[]> {
  await handle.runScript(LEDGER_SQL);
  const applied = new Set(
    (await handle.query<{ name: string }>('select name from forge_schema_migrations')).map((row) => row.name),
  );
  const newlyApplied: string[] = [];
  for (const name of await listMigrationFiles(dir)) {
    if (applied.has(name)) continue;
    const script = await readFile(join(dir, name), 'utf8');
    const escapedName = name.replace(/'/g, "''");
    try {
      await handle.runScript(`${script}\n;insert into forge_schema_migrations (name) values ('${escapedName}');`);
    } catch (error) {
      throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
    }
    newlyApplied.push(name);
  }
  return newlyApplied;
}
