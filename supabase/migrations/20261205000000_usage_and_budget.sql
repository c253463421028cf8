-- API Forge: what versions cost, and the token budget (docs/architecture.md, "Storage" and "Backends").
-- Plain SQL: applies unchanged on PGlite, a plain Postgres and Supabase.

-- 1. A version whose model calls went over FORGE_MAX_TOKENS_PER_VERSION ends with stop_reason 'budget'.
-- The column's check constraint was declared inline in 20261123000000_versioning_tables.sql, so Postgres named it
-- api_versions_stop_reason_check. Dropped without IF EXISTS on purpose: a database where it is named otherwise
-- should fail here rather than keep the old list and refuse every budget stop later.
alter table api_versions drop constraint api_versions_stop_reason_check;
alter table api_versions add constraint api_versions_stop_reason_check
  check (stop_reason in ('completed', 'stopped', 'model_error', 'timeout', 'invalid_output', 'interrupted', 'validation_failed', 'budget'));
comment on column api_versions.stop_reason is 'Why the version ended: completed, stopped, model_error, timeout, invalid_output, interrupted, validation_failed, or budget (its model calls went over FORGE_MAX_TOKENS_PER_VERSION).';
comment on column api_versions.usage is 'What the model reported over all of the version''s calls (camelCase JSON): promptTokens (cached included), cachedTokens, completionTokens, calls, continuations, costUsd (estimated from the server''s price table; absent when the model has no price), ttftMs, totalMs. Null for the offline generator.';

-- 2. version_overview gains the version's tokens and cost. CREATE OR REPLACE keeps the view's privileges and
-- its column comments (new columns may only be added at the end); security_invoker is restated because
-- replacing a view replaces its options.
create or replace view version_overview with (security_invoker = true) as
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
  v.completed_at - v.started_at as generation_time,
  (v.usage ->> 'promptTokens')::numeric::bigint as prompt_tokens,
  (v.usage ->> 'cachedTokens')::numeric::bigint as cached_tokens,
  (v.usage ->> 'completionTokens')::numeric::bigint as completion_tokens,
  (v.usage ->> 'costUsd')::numeric as cost_usd
from api_versions v
join projects p on p.id = v.project_id
left join api_versions b on b.id = v.base_version_id;

comment on view version_overview is
  'One row per version with its project name, status, timings, tokens and estimated cost: a read-only summary for browsing. Totals per project are in project_overview. Respects RLS (security_invoker).';
comment on column version_overview.prompt_tokens is 'Prompt tokens over all of the version''s model calls, cached ones included (usage.promptTokens); null when the model reported none.';
comment on column version_overview.cached_tokens is 'Of prompt_tokens, those served from the provider''s prompt cache at the cached price (usage.cachedTokens).';
comment on column version_overview.completion_tokens is 'Completion tokens over all of the version''s model calls (usage.completionTokens).';
comment on column version_overview.cost_usd is 'Estimated USD for those tokens from the server''s price table when the version was made (usage.costUsd); null when the model has no price.';

-- 3. Totals per project, in a view of their own rather than as window columns (project_cost_usd, project_tokens) on
-- version_overview: a total
-- repeated on every version row is summed again by anyone who totals that view, and one row per project is
-- what a dashboard sorts by spend. Every version counts, failed and stopped ones too: their calls were paid.
create view project_overview with (security_invoker = true) as
select
  p.id as project_id,
  p.name as project_name,
  p.owner_id,
  count(v.id)::integer as versions,
  count(v.id) filter (where v.status = 'failed')::integer as failed_versions,
  coalesce(sum((v.usage ->> 'promptTokens')::numeric::bigint), 0)::bigint as prompt_tokens,
  coalesce(sum((v.usage ->> 'cachedTokens')::numeric::bigint), 0)::bigint as cached_tokens,
  coalesce(sum((v.usage ->> 'completionTokens')::numeric::bigint), 0)::bigint as completion_tokens,
  coalesce(sum((v.usage ->> 'promptTokens')::numeric::bigint), 0)::bigint
    + coalesce(sum((v.usage ->> 'completionTokens')::numeric::bigint), 0)::bigint as total_tokens,
  coalesce(sum((v.usage ->> 'costUsd')::numeric), 0) as total_cost_usd,
  count(v.id) filter (
    where v.usage ->> 'costUsd' is null
      and (v.usage ->> 'promptTokens' is not null or v.usage ->> 'completionTokens' is not null)
  )::integer as unpriced_versions,
  p.created_at,
  p.updated_at
from projects p
left join api_versions v on v.project_id = p.id
group by p.id;

comment on view project_overview is
  'One row per project with its versions'' summed tokens and estimated cost, failed versions included. Respects RLS (security_invoker).';
comment on column project_overview.project_id is 'The project (projects.id).';
comment on column project_overview.project_name is 'The project''s display name.';
comment on column project_overview.owner_id is 'The user who owns the project.';
comment on column project_overview.versions is 'How many versions the project has, in any status.';
comment on column project_overview.failed_versions is 'Of those, how many failed (their tokens are counted too).';
comment on column project_overview.prompt_tokens is 'Prompt tokens of all its versions, cached ones included.';
comment on column project_overview.cached_tokens is 'Of prompt_tokens, those served from the provider''s prompt cache.';
comment on column project_overview.completion_tokens is 'Completion tokens of all its versions.';
comment on column project_overview.total_tokens is 'prompt_tokens + completion_tokens: what FORGE_MAX_TOKENS_PER_VERSION counts, summed over the project.';
comment on column project_overview.total_cost_usd is 'Estimated USD of all its versions that have a cost; see unpriced_versions for those that do not.';
comment on column project_overview.unpriced_versions is 'Versions that reported tokens but have no cost (their model had no price), so total_cost_usd leaves them out.';
comment on column project_overview.created_at is 'When the project was created.';
comment on column project_overview.updated_at is 'Last activity in the project.';
