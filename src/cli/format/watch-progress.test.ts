import { describe, expect, it } from 'vitest';
import type { StreamEvent, StreamEventBody } from '@/types/streaming';
import { describeEvent } from './event-lines';
import { createPaint } from './paint';
import { advanceProgress, INITIAL_PROGRESS, progressFraction, renderProgressBar, type WatchProgress } from './watch-progress';

let seq = 0;
function event(body: StreamEventBody): StreamEvent {
  return { ...body, versionId: 'v', seq: ++seq, at: '2026-01-01T00:00:00.000Z' } as StreamEvent;
}

function fold(bodies: StreamEventBody[]): WatchProgress {
  return bodies.map(event).reduce(advanceProgress, INITIAL_PROGRESS);
}

const plain = createPaint(false);

describe('watch progress', () => {
  it('fills the generating part of the bar file by file against the plan', () => {
    const planned = fold([
      { type: 'version:start', versionNumber: 2, baseVersionId: null },
      { type: 'step', name: 'generating' },
      { type: 'planning', message: 'Add reviews', files: ['a.ts', 'b.ts', 'c.ts', 'd.ts'] },
    ]);
    const half = [
      { type: 'file:generating', filePath: 'a.ts' },
      { type: 'file:complete', filePath: 'a.ts', operation: 'created' },
      { type: 'file:generating', filePath: 'b.ts' },
      { type: 'file:complete', filePath: 'b.ts', operation: 'modified' },
      { type: 'file:generating', filePath: 'c.ts' },
    ] satisfies StreamEventBody[];
    const progress = half.map(event).reduce(advanceProgress, planned);
    expect(progress).toMatchObject({ versionNumber: 2, plannedFiles: 4, completedFiles: 2, currentFile: 'c.ts' });
    expect(progressFraction(planned)).toBeCloseTo(0.1);
    expect(progressFraction(progress)).toBeCloseTo(0.475);
    expect(renderProgressBar(progress, 120)).toBe(`[${'█'.repeat(11)}${'░'.repeat(13)}]  48% · generating · 2/4 files · c.ts`);
  });

  it('moves by steps alone when there is no plan, and fits the bar into narrow terminals', () => {
    const validating = fold([{ type: 'step', name: 'validating' }]);
    expect(progressFraction(validating)).toBeCloseTo(0.85);
    expect(progressFraction(fold([{ type: 'step', name: 'complete' }]))).toBe(1);
    expect(renderProgressBar(INITIAL_PROGRESS, 80)).toContain('queued');
    expect([...renderProgressBar(validating, 20)]).toHaveLength(19);
  });

  it('shows the file being edited as the current one', () => {
    const editing = fold([{ type: 'step', name: 'generating' }, { type: 'file:editing', filePath: 'src/index.ts', content: 'x' }]);
    expect(editing.currentFile).toBe('src/index.ts');
  });

  it('counts validation results for the final line', () => {
    const progress = fold([
      { type: 'version:start', versionNumber: 3, baseVersionId: null },
      { type: 'validation:result', check: 'install', ok: true, detail: 'ok' },
      { type: 'validation:result', check: 'GET /health', ok: false, detail: '500' },
      { type: 'validation:result', check: 'sandbox', ok: true, skipped: true, detail: 'off' },
    ]);
    expect(progress.validation).toEqual({ passed: 1, failed: 1, skipped: 1 });
    const done = describeEvent(event({ type: 'version:complete', summary: 'Added reviews.', filesChanged: 1 }), progress, plain);
    expect(done).toBe('✓ v3 complete: 1 file changed, validation 1 passed, 1 failed, 1 skipped\n  Added reviews.');
  });
});

describe('describeEvent', () => {
  const progress = { ...INITIAL_PROGRESS, versionNumber: 2 };
  it.each<[StreamEventBody, string | null]>([
    [{ type: 'step', name: 'generating' }, '· generating'],
    [{ type: 'planning', message: 'Add auth', files: ['a.ts', 'b.ts'] }, 'Plan: Add auth (2 files)'],
    [{ type: 'file:generating', filePath: 'src/a.ts' }, '  writing   src/a.ts'],
    [{ type: 'file:editing', filePath: 'src/a.ts', content: 'old' }, '  editing   src/a.ts'],
    [{ type: 'edit:hunk', filePath: 'src/a.ts', startLine: 12, deletedLines: 3 }, '  hunk      src/a.ts @ line 12, replacing 3 lines'],
    [{ type: 'edit:hunk', filePath: 'src/a.ts', startLine: 1, deletedLines: 1 }, '  hunk      src/a.ts @ line 1, replacing 1 line'],
    [{ type: 'edit:hunk', filePath: 'src/a.ts', startLine: 40, deletedLines: 0 }, '  hunk      src/a.ts @ line 40, inserting'],
    [{ type: 'code:chunk', filePath: 'src/a.ts', chunk: 'x', startLine: 1 }, null],
    [{ type: 'file:complete', filePath: 'src/a.ts', operation: 'created' }, '  created   src/a.ts'],
    [{ type: 'validation:result', check: 'GET /health', ok: true, detail: '200 in 5 ms' }, '  ✓ GET /health: 200 in 5 ms'],
    [{ type: 'validation:result', check: 'build', ok: false, detail: 'tsc failed' }, '  ✗ build: tsc failed'],
    [{ type: 'error', message: 'The model failed: boom', reason: 'model_error' }, '✗ v2 failed (model_error): The model failed: boom'],
    [{ type: 'error', message: 'Used 210k tokens of 200k.', reason: 'budget' }, '✗ v2 failed (budget): Used 210k tokens of 200k.'],
  ])('%o → %s', (body, line) => {
    expect(describeEvent(event(body), progress, plain)).toBe(line);
  });
});
