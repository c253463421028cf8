-- API Forge: row level security, private realtime channels and a dashboard view
-- (docs/architecture.md, "Storage").
--
-- This file applies unchanged on all three targets:
--   * PGlite (embedded default) and a plain Postgres have no Supabase roles and no auth schema. The two
--     guarded DO blocks below notice that and do nothing; only the version_overview view (plain SQL) is made.
--   * A Supabase project (`supabase db push`) has the roles anon / authenticated / service_role, auth.uid()
--     and realtime.messages, so the blocks enable RLS and create the policies.
-- The guards check for the role AND for auth.uid(): a plain Postgres that merely has a role called
-- authenticated (a shared test cluster, say) is not Supabase, and policies calling auth.uid() would not compile.
-- All Supabase-only DDL goes through EXECUTE so nothing in it is parsed where it cannot apply.
--
-- Who is affected: only users reaching the database directly with their own JWT (PostgREST with the anon key,
-- Realtime private channels). The API Forge server connects as the tables' owner (postgres) or as
-- service_role; an owner is not subject to RLS unless it is FORCEd (it is not) and service_role has BYPASSRLS,
-- so nothing the server does changes.
--
-- Ownership: projects.owner_id = auth.uid(). Child tables reach the owner through
--   api_versions.project_id, chat_messages.project_id            -> projects
--   version_files.version_id, stream_buffer.version_id           -> api_versions.project_id -> projects
-- Policies are written the way Supabase's RLS performance guide recommends: `(select auth.uid())` so it is
-- evaluated once per statement, and `column in (select id from owned rows)` rather than a per-row join.
-- Every column they filter on is already the leading column of an index from 20261123000000:
--   projects (owner_id, ...) projects_owner_idx;       projects.id, api_versions.id primary keys;
--   api_versions (project_id, ...) api_versions_project_idx;  chat_messages (project_id, ...) chat_messages_project_idx;
--   version_files (version_id, file_path) unique;      stream_buffer (version_id, seq) primary key.
-- so this migration adds no index.

-- 1. Row level security on the five tables (Supabase only).
do $rls$
begin
  if not exists (select 1 from pg_roles where rolname = 'authenticated')
     or to_regprocedure('auth.uid()') is null then
    raise notice 'row_level_security: not a Supabase database (no authenticated role or auth.uid()); RLS left off';
    return;
  end if;

  -- A version may only point at a version of the same project: base_version_id (its diff base) and
  -- chat_messages.version_id are foreign keys, and foreign-key checks ignore RLS, so without this a user
  -- could name another user's version as the base of their own and have the server reconstruct its files.
  -- It is SECURITY DEFINER because a policy on api_versions cannot itself query api_versions (Postgres
  -- reports infinite recursion); it only answers "is version V in project P" for ids the caller supplies.
  execute 'create schema if not exists forge_private';
  execute $sql$ comment on schema forge_private is
    'API Forge helpers for row level security policies. Not exposed through the Data API.' $sql$;
  execute $sql$
    create or replace function forge_private.version_in_project(version_id uuid, project_id uuid)
    returns boolean
    language sql
    stable
    security definer
    set search_path = ''
    as $fn$
      select exists (
        select 1 from public.api_versions v
        where v.id = version_in_project.version_id and v.project_id = version_in_project.project_id
      )
    $fn$
  $sql$;
  execute $sql$ comment on function forge_private.version_in_project(uuid, uuid) is
    'True when the version belongs to the project. Used by the api_versions and chat_messages policies.' $sql$;
  execute 'revoke all on function forge_private.version_in_project(uuid, uuid) from public';
  execute 'grant usage on schema forge_private to authenticated';
  execute 'grant execute on function forge_private.version_in_project(uuid, uuid) to authenticated';

  -- projects: a user sees and changes only the projects they own, and cannot give one away.
  execute 'alter table public.projects enable row level security';
  execute $sql$ create policy "owner can select projects" on public.projects
    for select to authenticated
    using (owner_id = (select auth.uid())) $sql$;
  execute $sql$ create policy "owner can insert projects" on public.projects
    for insert to authenticated
    with check (owner_id = (select auth.uid())) $sql$;
  execute $sql$ create policy "owner can update projects" on public.projects
    for update to authenticated
    using (owner_id = (select auth.uid()))
    with check (owner_id = (select auth.uid())) $sql$;
  execute $sql$ create policy "owner can delete projects" on public.projects
    for delete to authenticated
    using (owner_id = (select auth.uid())) $sql$;

  -- api_versions: through project_id; a base version must be in the same project.
  execute 'alter table public.api_versions enable row level security';
  execute $sql$ create policy "project owner can select versions" on public.api_versions
    for select to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;
  execute $sql$ create policy "project owner can insert versions" on public.api_versions
    for insert to authenticated
    with check (
      project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))
      and (base_version_id is null or forge_private.version_in_project(base_version_id, project_id))
    ) $sql$;
  execute $sql$ create policy "project owner can update versions" on public.api_versions
    for update to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))
    with check (
      project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))
      and (base_version_id is null or forge_private.version_in_project(base_version_id, project_id))
    ) $sql$;
  execute $sql$ create policy "project owner can delete versions" on public.api_versions
    for delete to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;

  -- version_files: through version_id -> api_versions.project_id -> projects.
  execute 'alter table public.version_files enable row level security';
  execute $sql$ create policy "project owner can select version files" on public.version_files
    for select to authenticated
    using (version_id in (
      select v.id from public.api_versions v
      where v.project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))) $sql$;
  execute $sql$ create policy "project owner can insert version files" on public.version_files
    for insert to authenticated
    with check (version_id in (
      select v.id from public.api_versions v
      where v.project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))) $sql$;
  execute $sql$ create policy "project owner can update version files" on public.version_files
    for update to authenticated
    using (version_id in (
      select v.id from public.api_versions v
      where v.project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))))
    with check (version_id in (
      select v.id from public.api_versions v
      where v.project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))) $sql$;
  execute $sql$ create policy "project owner can delete version files" on public.version_files
    for delete to authenticated
    using (version_id in (
      select v.id from public.api_versions v
      where v.project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))) $sql$;

  -- chat_messages: through project_id; a message's version must be in the same project.
  execute 'alter table public.chat_messages enable row level security';
  execute $sql$ create policy "project owner can select chat messages" on public.chat_messages
    for select to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;
  execute $sql$ create policy "project owner can insert chat messages" on public.chat_messages
    for insert to authenticated
    with check (
      project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))
      and (version_id is null or forge_private.version_in_project(version_id, project_id))
    ) $sql$;
  execute $sql$ create policy "project owner can update chat messages" on public.chat_messages
    for update to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))
    with check (
      project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))
      and (version_id is null or forge_private.version_in_project(version_id, project_id))
    ) $sql$;
  execute $sql$ create policy "project owner can delete chat messages" on public.chat_messages
    for delete to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;

  -- stream_buffer: through version_id -> api_versions.project_id -> projects.
  execute 'alter table public.stream_buffer enable row level security';
  execute $sql$ create policy "project owner can select stream events" on public.stream_buffer
    for select to authenticated
    using (version_id in (
      select v.id from public.api_versions v
      where v.project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))) $sql$;
  execute $sql$ create policy "project owner can insert stream events" on public.stream_buffer
    for insert to authenticated
    with check (version_id in (
      select v.id from public.api_versions v
      where v.project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))) $sql$;
  execute $sql$ create policy "project owner can update stream events" on public.stream_buffer
    for update to authenticated
    using (version_id in (
      select v.id from public.api_versions v
      where v.project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))))
    with check (version_id in (
      select v.id from public.api_versions v
      where v.project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))) $sql$;
  execute $sql$ create policy "project owner can delete stream events" on public.stream_buffer
    for delete to authenticated
    using (version_id in (
      select v.id from public.api_versions v
      where v.project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))) $sql$;

  -- The server's migration ledger (src/db/migrate.ts), when the server made it: RLS on and no policy,
  -- so the Data API roles see none of it. `supabase db push` keeps its own ledger and never creates this one.
  if to_regclass('public.forge_schema_migrations') is not null then
    execute 'alter table public.forge_schema_migrations enable row level security';
  end if;
end
$rls$;

-- 2. Private broadcast channels (Supabase Realtime authorization; Supabase only).
-- The app streams a generation on the private channel `project:<project id>`. When a client joins, Realtime
-- sets realtime.topic, the role and request.jwt.claims, inserts probe rows into realtime.messages with that
-- topic, and tries to read them back (receive) or checks the insert (send), all in a rolled-back transaction.
-- So: only the owner of project X may select (receive) and insert (send) broadcast rows on topic project:X.
-- A topic that is not project:<uuid> must be denied without an error (Realtime reports a policy error as a
-- failed join), hence the regex before the cast: CASE evaluates WHEN before THEN, so a bad topic never
-- reaches ::uuid. The row's own topic must also be the channel's, so a session cannot read other stored
-- messages by setting realtime.topic to a project it owns. Presence and postgres_changes are not allowed.
-- The server sends with the service role, which bypasses RLS.
do $realtime$
begin
  if not exists (select 1 from pg_roles where rolname = 'authenticated')
     or to_regprocedure('auth.uid()') is null
     or to_regclass('realtime.messages') is null
     or to_regprocedure('realtime.topic()') is null then
    raise notice 'row_level_security: no Supabase Realtime (realtime.messages, realtime.topic()); channel policies skipped';
    return;
  end if;

  -- realtime.messages belongs to supabase_realtime_admin; Supabase lets postgres create policies on it, but
  -- some CLI versions' `supabase db push` fail here with 42501 (supabase/cli#6116). Rather than abort the
  -- whole migration (and lose the table policies above), skip with a warning: with no policy, private
  -- channels stay closed to everyone (fail closed) and the app falls back to long-polling. Then run this
  -- block from the dashboard's SQL editor.
  begin
    execute $sql$ create policy "api forge: project owner can receive project broadcasts" on realtime.messages
      for select to authenticated
      using (
        realtime.messages.extension = 'broadcast'
        and realtime.messages.topic = (select realtime.topic())
        and exists (
          select 1 from public.projects p
          where p.owner_id = (select auth.uid())
            and p.id = (
              select case
                when t.topic ~* '^project:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                then split_part(t.topic, ':', 2)::uuid
              end
              from (select realtime.topic() as topic) t
            )
        )
      ) $sql$;
    execute $sql$ create policy "api forge: project owner can send project broadcasts" on realtime.messages
      for insert to authenticated
      with check (
        realtime.messages.extension = 'broadcast'
        and realtime.messages.topic = (select realtime.topic())
        and exists (
          select 1 from public.projects p
          where p.owner_id = (select auth.uid())
            and p.id = (
              select case
                when t.topic ~* '^project:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                then split_part(t.topic, ':', 2)::uuid
              end
              from (select realtime.topic() as topic) t
            )
        )
      ) $sql$;
  exception when insufficient_privilege then
    raise warning 'row_level_security: could not create the realtime.messages policies (%): private project channels stay closed until they are created, e.g. from the SQL editor', sqlerrm;
  end;
end
$realtime$;

-- 3. A readable overview of every version, for people browsing the Supabase dashboard (or psql). Plain SQL,
-- created on every target. security_invoker (Postgres 15+) makes it run with the querying user's rights, so on
-- Supabase it shows a signed-in user only their own versions instead of bypassing RLS as its owner.
create view version_overview with (security_invoker = true) as
select
  p.id as project_id,
  p.name as project_name,
  v.id as version_id,
  v.version_number,
  v.status,
  v.title,
  v.stop_reason,
  b.version_number as base_version_number,
  (select count(*) from version_files f where f.version_id = v.id and f.operation <> 'unchanged')::integer
    as changed_files,
  v.is_snapshot,
  v.model,
  v.queued_at,
  v.started_at,
  v.first_chunk_at,
  v.completed_at,
  v.started_at - v.queued_at as queue_wait,
  v.first_chunk_at - v.started_at as time_to_first_chunk,
  v.completed_at - v.started_at as generation_time
from api_versions v
join projects p on p.id = v.project_id
left join api_versions b on b.id = v.base_version_id;

comment on view version_overview is
  'One row per version with its project name, status and timings: a read-only summary for browsing. Respects RLS (security_invoker).';
comment on column version_overview.project_id is 'The project the version belongs to.';
comment on column version_overview.project_name is 'The project''s display name.';
comment on column version_overview.version_id is 'The version (api_versions.id).';
comment on column version_overview.version_number is 'v1, v2, ... within the project.';
comment on column version_overview.status is 'pending, generating, validating, complete or failed.';
comment on column version_overview.title is 'The version''s short title.';
comment on column version_overview.stop_reason is 'Why the version ended, once it has.';
comment on column version_overview.base_version_number is 'The number of the version it was generated from (null for v1).';
comment on column version_overview.changed_files is 'Files created, modified or deleted against the base (snapshot rows marked unchanged are not counted).';
comment on column version_overview.is_snapshot is 'True when the version stores every file in full.';
comment on column version_overview.model is 'The model that generated it.';
comment on column version_overview.queued_at is 'When it was created and queued.';
comment on column version_overview.started_at is 'When generation started.';
comment on column version_overview.first_chunk_at is 'When the first code chunk arrived.';
comment on column version_overview.completed_at is 'When it reached complete or failed.';
comment on column version_overview.queue_wait is 'started_at - queued_at: time spent waiting for a worker.';
comment on column version_overview.time_to_first_chunk is 'first_chunk_at - started_at.';
comment on column version_overview.generation_time is 'completed_at - started_at: generation plus validation.';
