-- API Forge: saved checks (docs/architecture.md, "API checks"). A request from the console that the person keeps
-- as a check: the validation of every later version of the project sends it and compares the answer.
-- Plain Postgres: applies unchanged on PGlite, a local Postgres and Supabase; the guarded DO block at the end
-- (same guard as 20261123000100_row_level_security.sql) adds RLS and privileges on Supabase only.

create table saved_checks (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  -- The same limit the server checks (src/shared/saved-check-limits.ts), repeated here because a Supabase user
  -- can write this table directly.
  name text not null check (char_length(name) between 1 and 200),
  method text not null check (method in ('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS')),
  path text not null,
  query jsonb not null default '{}'::jsonb,
  headers jsonb not null default '{}'::jsonb,
  body text,
  expect_status integer not null check (expect_status between 100 and 599),
  expect_json jsonb,
  saved_on_version_id uuid references api_versions (id) on delete set null,
  saved_response jsonb,
  created_at timestamptz not null default now()
);
comment on table saved_checks is 'Requests from the request console that the person keeps as checks: the validation of every later version of the project sends each one and compares the answer. A failing saved check never fails a version (the change may be meant); one that passed on the base version is flagged as a regression. The server keeps at most 50 per project and runs them oldest first. Headers and body are stored as given, and saved checks are exported in the project''s requests.http, where env var values are redacted.';
comment on column saved_checks.id is 'Check id; the console removes a check by this id.';
comment on column saved_checks.project_id is 'The project whose versions run this check.';
comment on column saved_checks.name is 'What the check is called in validation reports: "GET /books → 200" unless the person named it; 1 to 200 characters.';
comment on column saved_checks.method is 'HTTP method: GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.';
comment on column saved_checks.path is 'Request path starting with /, without the query string.';
comment on column saved_checks.query is 'Query parameters as a JSON object; a repeated parameter is an array of strings.';
comment on column saved_checks.headers is 'Request headers, as a JSON object of name to value, stored as the person typed them.';
comment on column saved_checks.body is 'Request body to send, or null for none.';
comment on column saved_checks.expect_status is 'The HTTP status the answer must have (100 to 599).';
comment on column saved_checks.expect_json is 'JSON the answer must contain (every key of an object with a matching value, every element of an array matching one of the answer''s); null when only the status is checked.';
comment on column saved_checks.created_at is 'When the check was saved; checks run oldest first.';
comment on column saved_checks.saved_on_version_id is 'The version whose preview answered when the check was saved; its answer there (saved_response) counts as that version''s result, so a later version failing the check is a regression. Null once that version is deleted.';
comment on column saved_checks.saved_response is 'The answer the check was saved from: {"status": 200, "body": "..."} (body cut to 2,000 characters); null when saved without one.';
create index saved_checks_project_idx on saved_checks (project_id, created_at);

-- Row level security (Supabase only; see 20261123000100_row_level_security.sql for the guard and the policy
-- style). Ownership goes through project_id -> projects.owner_id; saved_checks_project_idx leads with project_id.
-- The 50-per-project limit is the server's (checked on save); checks a user inserts beyond it through the Data API
-- are never run, because the server reads only a project's oldest 50.
do $saved_checks_rls$
begin
  if not exists (select 1 from pg_roles where rolname = 'authenticated')
     or to_regprocedure('auth.uid()') is null then
    raise notice 'saved_checks: not a Supabase database (no authenticated role or auth.uid()); RLS left off';
    return;
  end if;

  -- The owner may list, save and remove checks. A check is never edited (the console removes it and saves
  -- another), so update is revoked: a Data API update is refused outright instead of changing 0 rows.
  execute 'alter table public.saved_checks enable row level security';
  execute 'revoke update on public.saved_checks from anon, authenticated';
  execute $sql$ create policy "project owner can select saved checks" on public.saved_checks
    for select to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;
  execute $sql$ create policy "project owner can insert saved checks" on public.saved_checks
    for insert to authenticated
    with check (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;
  execute $sql$ create policy "project owner can delete saved checks" on public.saved_checks
    for delete to authenticated
    using (project_id in (select p.id from public.projects p where p.owner_id = (select auth.uid()))) $sql$;
end
$saved_checks_rls$;
