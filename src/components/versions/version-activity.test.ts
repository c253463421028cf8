import { describe, expect, it } from 'vitest';
import { applyStreamEvents, initialStreamState, type GenerationStreamState } from '@/workspace/stream/generation-stream-state';
import { emptyFile } from '@/workspace/stream/streamed-file';
import type { VersionSummary } from '@/types/versioning';
import { formatDuration, versionActivity } from './version-activity';

type Facts = Pick<VersionSummary, 'changes' | 'validation' | 'usage' | 'activity'>;

const saved: Facts = {
  usage: null,
  activity: null,
  changes: [
    { filePath: 'a.ts', operation: 'created' },
    { filePath: 'b.ts', operation: 'modified' },
    { filePath: 'c.ts', operation: 'deleted' },
  ],
  validation: {
    sandbox: 'local',
    ok: true,
    durationMs: 3_240,
    checks: [
      { check: 'install', ok: true, detail: 'added 3 packages' },
      { check: 'health', ok: true, detail: 'GET /health → 200' },
    ],
  },
};

function liveRun(overrides: Partial<GenerationStreamState>): GenerationStreamState {
  return { ...initialStreamState('v'), ...overrides };
}

describe('formatDuration', () => {
  it('keeps a decimal under 10 s and minutes past one', () => {
    expect(formatDuration(420)).toBe('0.4s');
    expect(formatDuration(3_240)).toBe('3.2s');
    expect(formatDuration(12_400)).toBe('12s');
    expect(formatDuration(65_000)).toBe('1m 05s');
  });
});

describe('versionActivity', () => {
  it('tells a saved version by its changes and its validation, and by the model’s thinking time when it reported one', () => {
    expect(versionActivity(saved, null)).toEqual([
      { kind: 'write', text: 'Wrote 2 files, deleted 1' },
      { kind: 'validate', text: 'Validated in 3.2s' },
    ]);
    expect(versionActivity({ ...saved, usage: { ttftMs: 2_400 } }, null)[0]).toEqual({ kind: 'think', text: 'Thought for 2.4s' });
    expect(versionActivity({ ...saved, usage: { ttftMs: 40 } }, null).map((item) => item.kind)).not.toContain('think');
  });

  it('tells a followed run by what it read, planned, thought and wrote', () => {
    const live = liveRun({
      notes: ['Read src/index.ts, package.json, README.md and 9 more files'],
      plannedFiles: ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts'],
      files: {
        'a.ts': { ...emptyFile('write'), content: 'a', state: 'done', operation: 'created' },
        'b.ts': { ...emptyFile('write'), content: 'b', state: 'writing', operation: null },
      },
      timing: { startedAt: '2026-01-01T00:00:00.000Z', firstFileAt: '2026-01-01T00:00:04.000Z', lastFileDoneAt: null, validationStartedAt: null, validationEndedAt: null },
    });
    expect(versionActivity({ changes: [], validation: null, usage: null, activity: null }, live).map((item) => item.text)).toEqual([
      'Read src/index.ts, package.json, README.md and 9 more files',
      'Planned 5 files',
      'Thought for 4.0s',
      'Wrote 1 file',
    ]);
  });

  it('counts a file the run edited hunk by hunk like one it wrote whole', () => {
    const at = (second: number) => `2026-01-01T00:00:0${second}.000Z`;
    const live = applyStreamEvents(
      initialStreamState('v'),
      [
        { type: 'version:start' as const, versionNumber: 2, baseVersionId: 'v1' },
        { type: 'file:editing' as const, filePath: 'a.ts', content: 'a\nb\n' },
        { type: 'edit:hunk' as const, filePath: 'a.ts', startLine: 2, deletedLines: 1 },
        { type: 'code:chunk' as const, filePath: 'a.ts', chunk: 'B\n', startLine: 2 },
        { type: 'file:complete' as const, filePath: 'a.ts', operation: 'modified' as const },
        { type: 'file:generating' as const, filePath: 'b.ts' },
        { type: 'file:complete' as const, filePath: 'b.ts', operation: 'created' as const },
      ].map((body, index) => ({ ...body, versionId: 'v', seq: index + 1, at: at(index + 1) })),
    );
    expect(versionActivity({ changes: [], validation: null, usage: null, activity: null }, live).map((item) => item.text)).toEqual([
      'Thought for 1.0s',
      'Wrote 2 files',
    ]);
  });

  it('tells a version not followed in this visit by what its run saved: what it read and planned', () => {
    const remembered: Facts = { ...saved, activity: { readNote: 'Read src/index.ts, package.json and 4 more files', plannedFileCount: 1 } };
    expect(versionActivity(remembered, null).map((item) => item.text)).toEqual([
      'Read src/index.ts, package.json and 4 more files',
      'Planned 1 file',
      'Wrote 2 files, deleted 1',
      'Validated in 3.2s',
    ]);
    // The stream says it first while it is followed; the saved lines fill in what it has not said.
    const followed = liveRun({ plannedFiles: ['a.ts', 'b.ts'] });
    expect(versionActivity(remembered, followed).map((item) => item.text).slice(0, 2)).toEqual([
      'Read src/index.ts, package.json and 4 more files',
      'Planned 2 files',
    ]);
  });

  it('ends with what the model calls used, detail in the tooltip, and says nothing of tokens nobody reported', () => {
    const used = versionActivity({ ...saved, usage: { promptTokens: 12_000, cachedTokens: 8_000, completionTokens: 1_800, calls: 1, costUsd: 0.0425 } }, null);
    expect(used.at(-1)).toEqual({
      kind: 'usage',
      text: '13.8k tokens · $0.04',
      title: 'Of 12k prompt tokens, 8k cached (67%)\n1.8k completion tokens\nCost estimated from the price table when the version was made',
    });
    // The offline generator reports timings at most.
    expect(versionActivity({ ...saved, usage: { ttftMs: 40 } }, null).map((item) => item.kind)).not.toContain('usage');
  });

  it('times validation from the stream until the report is saved, and says when checks failed or were skipped', () => {
    const validated = liveRun({
      validation: [{ check: 'health', ok: false, skipped: false, detail: '500' }],
      ended: { kind: 'failed', message: 'Validation failed', reason: 'validation_failed' },
      timing: { startedAt: null, firstFileAt: null, lastFileDoneAt: null, validationStartedAt: '2026-01-01T00:00:00.000Z', validationEndedAt: '2026-01-01T00:00:02.500Z' },
    });
    expect(versionActivity({ changes: [], validation: null, usage: null, activity: null }, validated)).toEqual([{ kind: 'validate', text: 'Checks failed in 2.5s' }]);

    // A failed saved check leaves the version validated, and is named apart.
    const savedFailed = liveRun({
      validation: [
        { check: 'health', ok: true, skipped: false, detail: '200' },
        { check: 'saved: GET /books → 200', ok: false, skipped: false, kind: 'saved', detail: '404' },
      ],
      ended: { kind: 'complete', summary: 'done', filesChanged: 1 },
      timing: { startedAt: null, firstFileAt: null, lastFileDoneAt: null, validationStartedAt: '2026-01-01T00:00:00.000Z', validationEndedAt: '2026-01-01T00:00:01.000Z' },
    });
    expect(versionActivity({ changes: [], validation: null, usage: null, activity: null }, savedFailed)).toEqual([{ kind: 'validate', text: 'Validated in 1.0s; 1 saved check fails' }]);

    const running = liveRun({ validating: true, validation: [{ check: 'install', ok: true, skipped: false, detail: '' }] });
    expect(versionActivity({ changes: [], validation: null, usage: null, activity: null }, running)).toEqual([]);

    const skipped: Facts = { changes: [], usage: null, activity: null, validation: { sandbox: 'none', ok: true, durationMs: 0, checks: [{ check: 'sandbox', ok: true, skipped: true, detail: 'off' }] } };
    expect(versionActivity(skipped, null)).toEqual([{ kind: 'validate', text: 'Validation skipped' }]);
  });
});
