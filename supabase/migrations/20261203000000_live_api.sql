-- API Forge: the live API's stored data. A project's env vars (the generated API's secrets and settings,
-- injected into its preview sandbox) and the request console's history.
-- The tables are plain Postgres and apply unchanged on PGlite, a local Postgres and Supabase; the guarded
-- DO block at the end (same guard as 20261123000100_row_level_security.sql) adds RLS and privileges on
-- Supabase only.

create table project_env_vars (
  project_id uuid not null references projects (id) on delete cascade,
  -- The same rule the server checks (src/shared/project-env-rules.ts), repeated here because a Supabase user
  -- can write this table directly: a reserved name such as LD_PRELOAD would reach the programs that start
  -- the sandbox before it isolates anything.
  name text not null
    check (
      char_length(name) <= 128
      and name ~ '^[A-Za-z_][A-Za-z0-9_]*$'
      and upper(name) not in ('PATH', 'HOME', 'TMPDIR', 'PORT', 'HOST', 'LANG')
      and upper(name) !~ '^(LD_|NPM_CONFIG_|BWRAP)'
    ),
  value text not null check (octet_length(value) <= 8192),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (project_id, name)
);
comment on table project_env_vars is 'Env vars of a project''s generated API (JWT_SECRET, a database URL, an API key), set into its preview sandbox. Values are write-only: signed-in users can list names but never read a value back.';
comment on column project_env_vars.project_id is 'The project whose generated API gets this variable.';
comment on column project_env_vars.name is 'Variable name, e.g. JWT_SECRET: letters, digits and underscores, not starting with a digit; names the sandbox sets itself (PATH, HOME, PORT, HOST, LD_*, ...) are refused.';
comment on column project_env_vars.value is 'The secret value, at most 8 KB. Only the server reads it (to start a preview); the Data API roles have no select privilege on this column.';
comment on column project_env_vars.created_at is 'When the variable was first set.';
comment on column project_env_vars.updated_at is 'When its value was last written; previews started before this have the old value.';

create table request_history (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  version_id uuid references api_versions (id) on delete set null,
  method text not null check (method in ('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS')),
  path text not null,
  query jsonb not null default '{}'::jsonb,
  headers jsonb not null default '{}'::jsonb,
  body text,
  status integer,
  duration_ms integer,
  response_bytes integer,
  error text,
  created_at timestamptz not null default now()
);
comment on table request_history is 'The request console''s history: every request sent to a preview of the project and what came back. The server keeps the newest 200 per project.';
comment on column request_history.id is 'Entry id; the console sends an entry again by this id.';
comment on column request_history.project_id is 'The project whose console sent the request.';
comment on column request_history.version_id is 'The version whose preview received the request; null once that version is deleted.';
comment on column request_history.method is 'HTTP method: GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.';
comment on column request_history.path is 'Request path starting with /, without the query string.';
comment on column request_history.query is 'Query parameters as a JSON object; a repeated parameter is an array of strings.';
comment on column request_history.headers is 'Request headers the person set, as a JSON object of name to value.';
comment on column request_history.body is 'Request body as sent, or null when there was none.';
comment on column request_history.status is 'HTTP status of the response; null when no response came (see error).';
comment on column request_history.duration_ms is 'Milliseconds from sending the request to the end of the response (or the failure).';
comment on column request_history.response_bytes is 'Size of the response body in bytes.';
comment on column request_history.error is 'Why no response came (timeout, refused connection, preview not running); null when one did.';
comment on column request_history.created_at is 'When the request was sent; the console lists newest first.';
create index request_history_project_idx on request_history (project_id, created_at desc);
-- Deleting a version clears its entries' version_id; without this that is a scan.
create index request_history_version_idx on request_history (version_id);

-- Row level security and column privileges (Supabase only; see 20261123000100_row_level_security.sql for the
-- guard and the policy style). Ownership goes through project_id -> projects.owner_id, whose columns are
-- already indexed (the primary key of project_env_vars and request_history_project_idx lead with project_id).
do $live_api_rls$
begin
  if not exists (select 1 from pg_roles where rolname = 'authenticated')
     or to_regprocedure('auth.uid()') is null then
    raise notice 'live_api: not a Supabase database (no authenticated role or auth.uid()); RLS left off';
    return;
  end if;

  -- project_env_vars: the owner may add, replace and remove variables and list their names, never read a
  -- value. Column privileges do that part (RLS filters rows, not columns): select on every column but value.
  -- Supabase grants the Data API roles everything on new tables, so revoke it all and grant back only this.
  -- Consequence: `insert ... on conflict do update set value = excluded.value` (PostgREST's upsert) needs
  -- select on value and is refused; a client replaces a value with a plain update instead.
  execute 'alter table public.project_env_vars enable row level security';
  execute 'revoke all on public.project_env_vars from anon, authenticated';
  execute 'grant select (project_id, name, created_at, updated_at) on public.project_env_vars to authenticated';
  execute 'grant insert (project_id, name, value, created_at, updated_at) on public.project_env_vars to authenticated';
  execute 'grant update (value, updated_at) on public.project_env_vars to authenticated';
  execute 'grant delete on public.project_env_vars to authenticated';
  execute $sql$ create policy "project owner can select env vars" on public.project_env_vars
    for select to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;
  execute $sql$ create policy "project owner can insert env vars" on public.project_env_vars
    for insert to authenticated
    with check (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;
  execute $sql$ create policy "project owner can update env vars" on public.project_env_vars
    for update to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))
    with check (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;
  execute $sql$ create policy "project owner can delete env vars" on public.project_env_vars
    for delete to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;

  -- request_history: through project_id; an entry's version must be in the same project (foreign-key checks
  -- ignore RLS, so without this an entry could name another user's version).
  execute 'alter table public.request_history enable row level security';
  execute $sql$ create policy "project owner can select request history" on public.request_history
    for select to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;
  execute $sql$ create policy "project owner can insert request history" on public.request_history
    for insert to authenticated
    with check (
      project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))
      and (version_id is null or forge_private.version_in_project(version_id, project_id))
    ) $sql$;
  execute $sql$ create policy "project owner can update request history" on public.request_history
    for update to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid())))
    with check (
      project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))
      and (version_id is null or forge_private.version_in_project(version_id, project_id))
    ) $sql$;
  execute $sql$ create policy "project owner can delete request history" on public.request_history
    for delete to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;
end
$live_api_rls$;
