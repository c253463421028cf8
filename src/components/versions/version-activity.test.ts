import { describe, expect, it } from 'vitest';
import { initialStreamState, type GenerationStreamState } from '@/workspace/stream/generation-stream-state';
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
        'a.ts': { content: 'a', state: 'done', operation: 'created' },
        'b.ts': { content: 'b', state: 'writing', operation: null },
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

  it('times validation from the stream until the report is saved, and says when checks failed or were skipped', () => {
    const validated = liveRun({
      validation: [{ check: 'health', ok: false, skipped: false, detail: '500' }],
      ended: { kind: 'failed', message: 'Validation failed', reason: 'validation_failed' },
      timing: { startedAt: null, firstFileAt: null, lastFileDoneAt: null, validationStartedAt: '2026-01-01T00:00:00.000Z', validationEndedAt: '2026-01-01T00:00:02.500Z' },
    });
    expect(versionActivity({ changes: [], validation: null, usage: null, activity: null }, validated)).toEqual([{ kind: 'validate', text: 'Checks failed in 2.5s' }]);

    const running = liveRun({ validating: true, validation: [{ check: 'install', ok: true, skipped: false, detail: '' }] });
    expect(versionActivity({ changes: [], validation: null, usage: null, activity: null }, running)).toEqual([]);

    const skipped: Facts = { changes: [], usage: null, activity: null, validation: { sandbox: 'none', ok: true, durationMs: 0, checks: [{ check: 'sandbox', ok: true, skipped: true, detail: 'off' }] } };
    expect(versionActivity(skipped, null)).toEqual([{ kind: 'validate', text: 'Validation skipped' }]);
  });
});
