// The parts of a Supabase database that the guarded migrations look for, recreated on a plain Postgres so
// row level security can be tested for real: the roles anon / authenticated / service_role, auth.uid(),
// auth.jwt() and auth.role() as Supabase defines them, realtime.messages with realtime.topic(), and
// Supabase's grants. It must run BEFORE the migrations, so openSupabaseLikeTestDatabase() creates a fresh
// database, runs this setup, then applies the migrations (the guards then see "Supabase").
// On Supabase, migrations run as `postgres`, which is NOT a superuser (superusers skip every ownership and
// privilege check, and bypass RLS). So the migrations here run as MIGRATOR_ROLE, a plain role that owns
// the tables it creates, as postgres does on Supabase.
import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { postgresSkipReason, postgresTestUrl } from './test-database';

/**
 * Roles are cluster-wide, so create each only if it is missing. Two test runs may race: the loser of a
 * concurrent CREATE ROLE waits for the winner and then fails with unique_violation (or duplicate_object
 * when the winner had already committed), and both are swallowed.
 */
export const MIGRATOR_ROLE = 'forge_test_migrator';

export const SUPABASE_ROLES_SQL = `
do $roles$
declare
  spec text[];
begin
  foreach spec slice 1 in array array[
    array['anon', 'nologin noinherit'],
    array['authenticated', 'nologin noinherit'],
    array['service_role', 'nologin noinherit bypassrls'],
    array['${MIGRATOR_ROLE}', 'nologin noinherit']
  ] loop
    if not exists (select 1 from pg_roles where rolname = spec[1]) then
      begin
        execute format('create role %I %s', spec[1], spec[2]);
      exception when duplicate_object or unique_violation then
        null;
      end;
    end if;
  end loop;
end
$roles$;
`;

/** Per database: schemas auth and realtime, their functions and table, and Supabase's grants. */
export const SUPABASE_SCHEMAS_SQL = `
create schema auth;
grant usage on schema auth to anon, authenticated, service_role;

-- As in supabase/postgres (migrations/db/init-scripts): PostgREST and Realtime put the JWT's claims in
-- request.jwt.claims (older PostgREST in request.jwt.claim.*).
create function auth.uid() returns uuid language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
create function auth.role() returns text language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
create function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

-- As in supabase/realtime's tenant migrations (unpartitioned here): Realtime's authorization check inserts
-- and selects rows here as the connecting user, with realtime.topic set to the channel's topic.
create schema realtime;
grant usage on schema realtime to anon, authenticated, service_role;
create table realtime.messages (
  id uuid not null default gen_random_uuid() primary key,
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now()
);
alter table realtime.messages enable row level security;
grant select, insert, update, delete on realtime.messages to anon, authenticated, service_role;
create function realtime.topic() returns text language sql stable as $$
  select nullif(current_setting('realtime.topic', true), '')::text
$$;

-- Supabase grants the Data API roles everything on public's tables (RLS is what restricts them); default
-- privileges make the tables the migrations create next get the same.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges for role ${MIGRATOR_ROLE} in schema public
  grant select, insert, update, delete on tables to anon, authenticated, service_role;
alter default privileges for role ${MIGRATOR_ROLE} in schema public
  grant usage, select on sequences to anon, authenticated, service_role;
alter default privileges for role ${MIGRATOR_ROLE} in schema public
  grant execute on functions to anon, authenticated, service_role;

-- What postgres may do on Supabase: create schemas and tables, use auth.uid() and realtime.topic().
grant create on schema public to ${MIGRATOR_ROLE};
grant usage on schema auth, realtime to ${MIGRATOR_ROLE};
`;

export async function installSupabaseRoles(handle: DatabaseHandle): Promise<void> {
  await handle.runScript(SUPABASE_ROLES_SQL);
}

export async function installSupabaseSchemas(handle: DatabaseHandle, databaseName: string): Promise<void> {
  await handle.runScript(`${SUPABASE_SCHEMAS_SQL}\ngrant create on database ${databaseName} to ${MIGRATOR_ROLE};`);
}

/** The same handle, but every script (the migrations) runs as MIGRATOR_ROLE instead of the superuser. */
export function asMigrator(handle: DatabaseHandle): DatabaseHandle {
  return { ...handle, runScript: (sqlText) => handle.runScript(`set local role ${MIGRATOR_ROLE};\n${sqlText}`) };
}

export interface SupabaseLikeOptions {
  /**
   * Whether the migrator may create policies on realtime.messages. On Supabase, postgres can (supautils
   * lets it), though some `supabase db push` versions fail with "must be owner" (supabase/cli#6116); false
   * leaves the table owned by the superuser to reproduce that.
   */
  realtimePolicies?: boolean;
}

export interface SupabaseLikeTestDatabase extends DatabaseHandle {
  /** Connection URL of the fresh database, for clients that need their own transactions. */
  url: string;
  /** Its name on the server. */
  name: string;
}

/**
 * A fresh database on TEST_DATABASE_URL's server that looks like Supabase to the migrations: roles,
 * auth and realtime schemas and grants are installed first, then every migration is applied as
 * MIGRATOR_ROLE, which therefore owns the tables (as postgres does on Supabase). close() drops the database.
 */
export async function openSupabaseLikeTestDatabase(
  options: SupabaseLikeOptions = {},
): Promise<SupabaseLikeTestDatabase> {
  if (!postgresTestUrl) throw new Error(postgresSkipReason);
  const name = `forge_rls_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: postgresTestUrl, maxConnections: 1 });
  try {
    await installSupabaseRoles(admin);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.close();
  }
  const drop = async () => {
    const cleanup = await openDatabase({ kind: 'postgres', url: postgresTestUrl!, maxConnections: 1 });
    try {
      await cleanup.query(`drop database if exists ${name} with (force)`);
    } finally {
      await cleanup.close();
    }
  };
  const url = new URL(postgresTestUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  try {
    await installSupabaseSchemas(handle, name);
    if (options.realtimePolicies !== false) await handle.query(`alter table realtime.messages owner to ${MIGRATOR_ROLE}`);
    await applyMigrations(asMigrator(handle));
  } catch (error) {
    await handle.close();
    await drop();
    throw error;
  }
  return {
    ...handle,
    url: url.toString(),
    name,
    async close() {
      await handle.close();
      await drop();
    },
  };
}
