// supabase/migrations/20261205000000_usage_and_budget.sql on every database it runs on: the stop reason
// 'budget' is allowed, version_overview reads tokens and cost out of api_versions.usage, and project_overview
// totals them per project, failed versions included. On a Supabase-like Postgres both views keep RLS.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { only, setUpRlsFixture } from '@/test/rls-fixture';
import { postgresTestUrl, testDatabases } from '@/test/test-database';
import type { ModelUsageSummary, StopReason, VersionStatus } from '@/types/versioning';

interface VersionRow {
  number: number;
  status: VersionStatus;
  stopReason: StopReason | null;
  usage: ModelUsageSummary | null;
}

async function insertProject(handle: DatabaseHandle, name: string, versions: VersionRow[]): Promise<string> {
  const projectId = randomUUID();
  await handle.query('insert into projects (id, owner_id, name) values ($1, $2, $3)', [projectId, randomUUID(), name]);
  for (const version of versions) {
    await handle.query(
      `insert into api_versions (project_id, version_number, prompt, status, stop_reason, model, usage)
       values ($1, $2, 'a prompt', $3, $4, 'gpt-4o', $5::jsonb)`,
      [projectId, version.number, version.status, version.stopReason, version.usage ? JSON.stringify(version.usage) : null],
    );
  }
  return projectId;
}

describe.each(testDatabases)('usage and budget migration on $name', ({ open, skip }) => {
  let handle: DatabaseHandle;
  let projectId: string;
  let otherProjectId: string;
  let emptyProjectId: string;

  beforeAll(async () => {
    if (skip) return;
    handle = await open();
    projectId = await insertProject(handle, 'Bookstore', [
      {
        number: 1,
        status: 'complete',
        stopReason: 'completed',
        usage: { promptTokens: 12_000, cachedTokens: 8_000, completionTokens: 2_000, calls: 2, continuations: 1, costUsd: 0.04, ttftMs: 800 },
      },
      // Failed versions were paid for too.
      { number: 2, status: 'failed', stopReason: 'budget', usage: { promptTokens: 30_000, completionTokens: 5_000, costUsd: 0.125 } },
      { number: 3, status: 'failed', stopReason: 'model_error', usage: null },
      // A model without a price: tokens, no cost.
      { number: 4, status: 'complete', stopReason: 'completed', usage: { promptTokens: 100, completionTokens: 50 } },
    ]);
    otherProjectId = await insertProject(handle, 'Todo', [
      { number: 1, status: 'complete', stopReason: 'completed', usage: { promptTokens: 1_000, completionTokens: 500, costUsd: 0.0075 } },
    ]);
    emptyProjectId = await insertProject(handle, 'Offline', [{ number: 1, status: 'complete', stopReason: 'completed', usage: null }]);
  });

  afterAll(async () => {
    await handle?.close();
  });

  it.skipIf(skip)('allows the stop reason budget and still refuses unknown ones', async () => {
    const rows = await handle.query<{ stop_reason: string }>(
      `select stop_reason from api_versions where project_id = $1 and version_number = 2`,
      [projectId],
    );
    expect(only(rows).stop_reason).toBe('budget');
    await expect(
      handle.query(`update api_versions set stop_reason = 'over_budget' where project_id = $1 and version_number = 2`, [projectId]),
    ).rejects.toThrow(/api_versions_stop_reason_check/);
  });

  it.skipIf(skip)("shows each version's tokens and cost from its usage, and nulls where there are none", async () => {
    const rows = await handle.query(
      `select version_number, prompt_tokens::int as prompt, cached_tokens::int as cached,
              completion_tokens::int as completion, cost_usd::text as cost, status, stop_reason
       from version_overview where project_id = $1 order by version_number`,
      [projectId],
    );
    expect(rows).toEqual([
      { version_number: 1, prompt: 12_000, cached: 8_000, completion: 2_000, cost: '0.04', status: 'complete', stop_reason: 'completed' },
      { version_number: 2, prompt: 30_000, cached: null, completion: 5_000, cost: '0.125', status: 'failed', stop_reason: 'budget' },
      { version_number: 3, prompt: null, cached: null, completion: null, cost: null, status: 'failed', stop_reason: 'model_error' },
      { version_number: 4, prompt: 100, cached: null, completion: 50, cost: null, status: 'complete', stop_reason: 'completed' },
    ]);
  });

  it.skipIf(skip)('keeps the columns version_overview had, and its security_invoker', async () => {
    const columns = await handle.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'version_overview' order by ordinal_position`,
    );
    expect(columns.map((column) => column.column_name).slice(0, 18)).toEqual([
      'project_id', 'project_name', 'version_id', 'version_number', 'status', 'title', 'stop_reason', 'base_version_number',
      'changed_files', 'is_snapshot', 'model', 'queued_at', 'started_at', 'first_chunk_at', 'completed_at', 'queue_wait',
      'time_to_first_chunk', 'generation_time',
    ]);
    const options = await handle.query<{ relname: string; reloptions: string[] | null }>(
      `select relname, reloptions from pg_class where relname in ('version_overview', 'project_overview') order by relname`,
    );
    expect(options).toEqual([
      { relname: 'project_overview', reloptions: ['security_invoker=true'] },
      { relname: 'version_overview', reloptions: ['security_invoker=true'] },
    ]);
  });

  it.skipIf(skip)("totals every version of a project, failed ones included, and counts those without a price", async () => {
    const rows = await handle.query(
      `select project_id, project_name, versions, failed_versions, prompt_tokens::int as prompt, cached_tokens::int as cached,
              completion_tokens::int as completion, total_tokens::int as tokens, total_cost_usd::text as cost, unpriced_versions
       from project_overview where project_id = any($1::uuid[]) order by project_name`,
      [[projectId, otherProjectId, emptyProjectId]],
    );
    expect(rows).toEqual([
      {
        project_id: projectId,
        project_name: 'Bookstore',
        versions: 4,
        failed_versions: 2,
        prompt: 42_100,
        cached: 8_000,
        completion: 7_050,
        tokens: 49_150,
        cost: '0.165',
        unpriced_versions: 1,
      },
      // No model tokens at all (the offline generator): zero, not null, and nothing unpriced.
      { project_id: emptyProjectId, project_name: 'Offline', versions: 1, failed_versions: 0, prompt: 0, cached: 0, completion: 0, tokens: 0, cost: '0', unpriced_versions: 0 },
      { project_id: otherProjectId, project_name: 'Todo', versions: 1, failed_versions: 0, prompt: 1_000, cached: 0, completion: 500, tokens: 1_500, cost: '0.0075', unpriced_versions: 0 },
    ]);
  });
});

describe.skipIf(!postgresTestUrl)('project_overview on a Supabase-like Postgres', () => {
  const db = setUpRlsFixture();

  it("shows a signed-in user only their own projects' totals, and anon none", async () => {
    const seen = await db.asA((tx) => tx<{ project_id: string; versions: number }[]>`select project_id, versions from project_overview`);
    expect(seen).toEqual([{ project_id: db.a.projectId, versions: 2 }]);
    expect(await db.as('anon', null, (tx) => tx`select * from project_overview`)).toHaveLength(0);
    expect(await db.as('service_role', null, (tx) => tx`select * from project_overview`)).toHaveLength(2);
  });
});
