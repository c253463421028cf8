// Drizzle's typed view of the tables. The SQL in supabase/migrations/ is the source of truth;
// keep this file in step with it (the db tests fail when a column is missing on either side).
import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { StreamEvent } from '@/types/streaming';
import type { DiffOp, ValidationReport, VersionActivityRecord, VersionStatus } from '@/types/versioning';
import type { StopReason } from '@/types/streaming';
import type { ModelUsageSummary as ModelUsage } from '@/types/versioning';
import type { PreviewMethod, PreviewQuery } from '@/types/preview';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};

export const projects = pgTable('projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id').notNull(),
  name: text('name').notNull(),
  ...timestamps,
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const apiVersions = pgTable('api_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull(),
  versionNumber: integer('version_number').notNull(),
  baseVersionId: uuid('base_version_id'),
  prompt: text('prompt').notNull(),
  title: text('title'),
  summary: text('summary'),
  aiResponse: text('ai_response'),
  status: text('status').$type<VersionStatus>().notNull().default('pending'),
  stopReason: text('stop_reason').$type<StopReason>(),
  error: text('error'),
  validation: jsonb('validation').$type<ValidationReport>(),
  model: text('model'),
  usage: jsonb('usage').$type<ModelUsage>(),
  activity: jsonb('activity').$type<VersionActivityRecord>(),
  isSnapshot: boolean('is_snapshot').notNull().default(false),
  fixOfVersionId: uuid('fix_of_version_id'),
  queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  firstChunkAt: timestamp('first_chunk_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  /** Who generates it now, and until when unless renewed (docs/architecture.md, "Jobs"). */
  leaseOwner: text('lease_owner'),
  leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
  ...timestamps,
});

export const versionFiles = pgTable('version_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  versionId: uuid('version_id').notNull(),
  filePath: text('file_path').notNull(),
  operation: text('operation').$type<'created' | 'modified' | 'deleted' | 'unchanged'>().notNull(),
  contentDiff: jsonb('content_diff').$type<DiffOp[]>(),
  fullContent: text('full_content'),
  contentHash: text('content_hash'),
  ...timestamps,
});

export const chatMessages = pgTable('chat_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull(),
  versionId: uuid('version_id'),
  role: text('role').$type<'user' | 'assistant' | 'system'>().notNull(),
  content: text('content').notNull(),
  ...timestamps,
});

export const streamBuffer = pgTable(
  'stream_buffer',
  {
    versionId: uuid('version_id').notNull(),
    seq: integer('seq').notNull(),
    event: jsonb('event').$type<StreamEvent>().notNull(),
    ...timestamps,
  },
  (table) => [primaryKey({ columns: [table.versionId, table.seq] })],
);

export const projectEnvVars = pgTable(
  'project_env_vars',
  {
    projectId: uuid('project_id').notNull(),
    name: text('name').notNull(),
    value: text('value').notNull(),
    ...timestamps,
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.name] })],
);

export const requestHistory = pgTable('request_history', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull(),
  versionId: uuid('version_id'),
  method: text('method').$type<PreviewMethod>().notNull(),
  path: text('path').notNull(),
  query: jsonb('query').$type<PreviewQuery>().notNull().default({}),
  headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
  body: text('body'),
  status: integer('status'),
  durationMs: integer('duration_ms'),
  responseBytes: integer('response_bytes'),
  error: text('error'),
  ...timestamps,
});

export const savedChecks = pgTable('saved_checks', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull(),
  name: text('name').notNull(),
  method: text('method').$type<PreviewMethod>().notNull(),
  path: text('path').notNull(),
  query: jsonb('query').$type<PreviewQuery>().notNull().default({}),
  headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
  body: text('body'),
  expectStatus: integer('expect_status').notNull(),
  expectJson: jsonb('expect_json').$type<unknown>(),
  savedOnVersionId: uuid('saved_on_version_id'),
  savedResponse: jsonb('saved_response').$type<{ status: number; body: string }>(),
  ...timestamps,
});

export const schema = { projects, apiVersions, versionFiles, chatMessages, streamBuffer, projectEnvVars, requestHistory, savedChecks };
