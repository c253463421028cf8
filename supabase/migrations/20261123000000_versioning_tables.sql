-- API Forge: projects, versions, their files, the chat and the stream buffer (docs/architecture.md, "Storage").
-- Plain Postgres only: this file applies unchanged on PGlite, a local Postgres and Supabase.
-- Supabase-only SQL (RLS, realtime policies) lives in later, guarded migrations.

create table projects (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table projects is 'One generated API. Each prompt in its chat makes a new row in api_versions.';
comment on column projects.id is 'Project id; also the suffix of its realtime topic project:<id>.';
comment on column projects.owner_id is 'The user who owns the project (auth.users.id on Supabase; a fixed local user in embedded mode).';
comment on column projects.name is 'Display name, taken from the first prompt.';
comment on column projects.created_at is 'When the project was created.';
comment on column projects.updated_at is 'Last activity: bumped whenever a version is created.';
create index projects_owner_idx on projects (owner_id, updated_at desc);

create table api_versions (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  version_number integer not null check (version_number > 0),
  base_version_id uuid references api_versions (id) on delete restrict,
  prompt text not null,
  title text,
  summary text,
  ai_response text,
  status text not null default 'pending'
    check (status in ('pending', 'generating', 'validating', 'complete', 'failed')),
  stop_reason text
    check (stop_reason in ('completed', 'stopped', 'model_error', 'timeout', 'invalid_output', 'interrupted', 'validation_failed')),
  error text,
  validation jsonb,
  model text,
  usage jsonb,
  is_snapshot boolean not null default false,
  fix_of_version_id uuid references api_versions (id) on delete set null,
  queued_at timestamptz not null default now(),
  started_at timestamptz,
  first_chunk_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  unique (project_id, version_number)
);
comment on table api_versions is 'One row per prompt: v1, v2, ... of a project. Files are in version_files as changes against base_version_id.';
comment on column api_versions.id is 'Version id.';
comment on column api_versions.project_id is 'The project this version belongs to.';
comment on column api_versions.version_number is 'v1, v2, ... numbered linearly per project, even when versions branch.';
comment on column api_versions.base_version_id is 'The version this one was generated from (null for v1). Versions form a tree through this column.';
comment on column api_versions.prompt is 'The user''s request that produced this version.';
comment on column api_versions.title is 'A short (1-3 word) title for the version card and the dropdown.';
comment on column api_versions.summary is 'What changed and why, as written by the model.';
comment on column api_versions.ai_response is 'The assistant''s full chat answer for this version.';
comment on column api_versions.status is 'pending (queued) -> generating -> validating -> complete, or failed at any point.';
comment on column api_versions.stop_reason is 'Why the version ended: completed, stopped, model_error, timeout, invalid_output, interrupted or validation_failed.';
comment on column api_versions.error is 'A message a person can act on, when the version failed.';
comment on column api_versions.validation is 'The sandbox report: each check (install, build, start, health, routes) with ok and detail.';
comment on column api_versions.model is 'The model that generated the version (offline for the built-in generator).';
comment on column api_versions.usage is 'Token counts and timings reported by the model: prompt_tokens, completion_tokens, ttft_ms, total_ms.';
comment on column api_versions.is_snapshot is 'True when version_files holds the full content of every file, so reconstruction can stop here.';
comment on column api_versions.fix_of_version_id is 'Set when this version was made to repair a version whose validation failed (never a fix of a fix).';
comment on column api_versions.queued_at is 'When the version was created and queued.';
comment on column api_versions.started_at is 'When a worker started generating it.';
comment on column api_versions.first_chunk_at is 'When the first code chunk was published.';
comment on column api_versions.completed_at is 'When it reached complete or failed.';
comment on column api_versions.created_at is 'Row creation time.';
create index api_versions_project_idx on api_versions (project_id, version_number desc);
create index api_versions_base_idx on api_versions (base_version_id);
create index api_versions_status_idx on api_versions (status, queued_at) where status in ('pending', 'generating', 'validating');
-- At most one generation in flight per project: a second create fails on this index (CONFLICT).
create unique index api_versions_one_active_per_project on api_versions (project_id)
  where status in ('pending', 'generating', 'validating');

create table version_files (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references api_versions (id) on delete cascade,
  file_path text not null,
  operation text not null check (operation in ('created', 'modified', 'deleted', 'unchanged')),
  content_diff jsonb,
  full_content text,
  content_hash text,
  created_at timestamptz not null default now(),
  unique (version_id, file_path)
);
comment on table version_files is 'The files a version changed against its base. Unchanged files have no row, except in snapshot versions.';
comment on column version_files.id is 'Row id.';
comment on column version_files.version_id is 'The version this change belongs to.';
comment on column version_files.file_path is 'Relative path inside the generated project, e.g. src/routes/books.ts.';
comment on column version_files.operation is 'created, modified or deleted against the base version; unchanged only in snapshot versions.';
comment on column version_files.content_diff is 'fast-diff operations against the base file: [0,n] keep n chars, [-1,n] delete n chars, [1,"text"] insert.';
comment on column version_files.full_content is 'The whole file, for created files, snapshots, and edits where a diff would not be smaller.';
comment on column version_files.content_hash is 'sha256 (hex) of the file''s full content in this version; checked on every reconstruction.';
comment on column version_files.created_at is 'Row creation time.';

create table chat_messages (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  version_id uuid references api_versions (id) on delete set null,
  role text not null check (role in ('user', 'assistant', 'system')),
  content text not null,
  created_at timestamptz not null default now()
);
comment on table chat_messages is 'The project''s chat: the user''s prompts and the assistant''s answers, in order.';
comment on column chat_messages.id is 'Message id.';
comment on column chat_messages.project_id is 'The project whose chat this is.';
comment on column chat_messages.version_id is 'The version this message asked for or answered, if any.';
comment on column chat_messages.role is 'user, assistant or system.';
comment on column chat_messages.content is 'The message text.';
comment on column chat_messages.created_at is 'When the message was written.';
create index chat_messages_project_idx on chat_messages (project_id, created_at);
-- Deleting a version clears its messages' version_id; without this that is a scan.
create index chat_messages_version_idx on chat_messages (version_id);

create table stream_buffer (
  version_id uuid not null references api_versions (id) on delete cascade,
  seq integer not null check (seq > 0),
  event jsonb not null,
  created_at timestamptz not null default now(),
  primary key (version_id, seq)
);
comment on table stream_buffer is 'Every streamed event of a generation, in order. The source of truth for live and resumed streams; pruned after completion.';
comment on column stream_buffer.version_id is 'The version being generated.';
comment on column stream_buffer.seq is '1, 2, 3, ... per version with no gaps; clients resume after the last seq they applied.';
comment on column stream_buffer.event is 'The event (type, body, versionId, seq, at) as the client receives it.';
comment on column stream_buffer.created_at is 'When the event was written; used to prune old rows.';
