import { describe, expect, it } from 'vitest';
import type { StreamEvent, StreamEventBody } from '@/types/streaming';
import {
  applyStreamEvents,
  composeStreamedFiles,
  endByStatus,
  initialStreamState,
  sameStreamOutline,
  shownStatus,
  streamStatus,
  type GenerationStreamState,
} from './generation-stream-state';

const VERSION_ID = 'version-1';

function events(...bodies: StreamEventBody[]): StreamEvent[] {
  return bodies.map((body, index) => ({ ...body, versionId: VERSION_ID, seq: index + 1, at: '2026-01-01T00:00:00.000Z' }));
}

const fullRun = events(
  { type: 'version:start', versionNumber: 2, baseVersionId: 'version-0' },
  { type: 'step', name: 'planning' },
  { type: 'planning', message: 'Add reviews', files: ['src/routes/reviews.ts'] },
  { type: 'step', name: 'generating' },
  { type: 'file:generating', filePath: 'src/routes/reviews.ts' },
  { type: 'code:chunk', filePath: 'src/routes/reviews.ts', chunk: 'export const a = 1;\n', startLine: 1 },
  { type: 'code:chunk', filePath: 'src/routes/reviews.ts', chunk: 'export const b = 2;\n', startLine: 2 },
  { type: 'file:complete', filePath: 'src/routes/reviews.ts', operation: 'created' },
  { type: 'file:complete', filePath: 'src/old.ts', operation: 'deleted' },
  { type: 'step', name: 'validating' },
  { type: 'validation:start' },
  { type: 'validation:result', check: 'health', ok: true, detail: 'GET /health → 200' },
  { type: 'step', name: 'complete' },
  { type: 'version:complete', summary: 'Added reviews', filesChanged: 2 },
);

const REVIEWS = 'export const a = 1;\nexport const b = 2;\n';

describe('applyStreamEvents', () => {
  it('builds files, steps, validation and the ending from a whole run', () => {
    const state = applyStreamEvents(initialStreamState(VERSION_ID), fullRun);
    expect(state.lastSeq).toBe(14);
    expect(state.versionNumber).toBe(2);
    expect(state.baseVersionId).toBe('version-0');
    expect(state.plannedFiles).toEqual(['src/routes/reviews.ts']);
    expect(state.files['src/routes/reviews.ts']).toEqual({
      content: REVIEWS,
      state: 'done',
      operation: 'created',
      mode: 'write',
      editCursor: null,
      editedLines: null,
    });
    expect(state.files['src/old.ts']?.operation).toBe('deleted');
    expect(state.validation).toEqual([{ check: 'health', ok: true, skipped: false, detail: 'GET /health → 200' }]);
    expect(state.ended).toEqual({ kind: 'complete', summary: 'Added reviews', filesChanged: 2 });
    expect(state.step).toBe('complete');
    expect(streamStatus(state)).toBe('complete');
  });

  it('gives the same result however the events are split into answers', () => {
    const whole = applyStreamEvents(initialStreamState(VERSION_ID), fullRun);
    let piecewise = initialStreamState(VERSION_ID);
    for (let start = 0; start < fullRun.length; start += 3) piecewise = applyStreamEvents(piecewise, fullRun.slice(start, start + 3));
    expect(piecewise).toEqual(whole);
  });

  it('applies events that arrive out of order in seq order', () => {
    const shuffled = [...fullRun].reverse();
    expect(applyStreamEvents(initialStreamState(VERSION_ID), shuffled)).toEqual(
      applyStreamEvents(initialStreamState(VERSION_ID), fullRun),
    );
  });

  it('drops events it has already applied, so a replay shows nothing twice', () => {
    const firstSeven = applyStreamEvents(initialStreamState(VERSION_ID), fullRun.slice(0, 7));
    const replayed = applyStreamEvents(firstSeven, fullRun);
    const duplicatedInOneAnswer = applyStreamEvents(initialStreamState(VERSION_ID), [...fullRun, ...fullRun.slice(4, 8)]);
    expect(replayed.files['src/routes/reviews.ts']?.content).toBe(REVIEWS);
    expect(duplicatedInOneAnswer.files['src/routes/reviews.ts']?.content).toBe(REVIEWS);
  });

  it('stops at a gap and continues once the missing event arrives', () => {
    const withGap = [...fullRun.slice(0, 5), ...fullRun.slice(6)];
    const stalled = applyStreamEvents(initialStreamState(VERSION_ID), withGap);
    expect(stalled.lastSeq).toBe(5);
    expect(stalled.files['src/routes/reviews.ts']?.content).toBe('');
    expect(stalled.ended).toBeNull();

    const resumed = applyStreamEvents(stalled, fullRun.slice(5));
    expect(resumed.files['src/routes/reviews.ts']?.content).toBe(REVIEWS);
    expect(resumed.ended?.kind).toBe('complete');
  });

  it('ignores events of another version', () => {
    const foreign = fullRun.map((event) => ({ ...event, versionId: 'other' }));
    const state = initialStreamState(VERSION_ID);
    expect(applyStreamEvents(state, foreign)).toBe(state);
  });

  it('restarts a file from empty when it is written again', () => {
    const run = events(
      { type: 'file:generating', filePath: 'a.ts' },
      { type: 'code:chunk', filePath: 'a.ts', chunk: 'old', startLine: 1 },
      { type: 'file:generating', filePath: 'a.ts' },
      { type: 'code:chunk', filePath: 'a.ts', chunk: 'new', startLine: 1 },
    );
    const state = applyStreamEvents(initialStreamState(VERSION_ID), run);
    expect(state.files['a.ts']).toEqual({ content: 'new', state: 'writing', operation: null, mode: 'write', editCursor: null, editedLines: null });
    expect(state.currentFile).toBe('a.ts');
    expect(streamStatus(state)).toBe('generating');
  });

  it('records a failure with its stop reason, keeping a file cut off mid-way as far as it got', () => {
    const run = events(
      { type: 'version:start', versionNumber: 1, baseVersionId: null },
      { type: 'file:generating', filePath: 'a.ts' },
      { type: 'code:chunk', filePath: 'a.ts', chunk: 'export const', startLine: 1 },
      { type: 'error', message: 'Stopped by the user.', reason: 'stopped' },
    );
    const state = applyStreamEvents(initialStreamState(VERSION_ID), run);
    expect(state.ended).toEqual({ kind: 'failed', message: 'Stopped by the user.', reason: 'stopped' });
    expect(state.files['a.ts']).toMatchObject({ content: 'export const', state: 'done', operation: null });
    expect(state.currentFile).toBeNull();
    expect(streamStatus(state)).toBe('failed');
  });
});

describe('timing and notes', () => {
  it('records when the run started, wrote its first file and validated, and what it did before planning', () => {
    const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
    const timed = fullRun.map((event, index) => ({ ...event, at: at(index) }));
    const withNote = [
      ...timed.slice(0, 2),
      { type: 'planning' as const, message: 'Read src/index.ts, package.json and README.md', versionId: VERSION_ID, seq: 3, at: at(2) },
      ...timed.slice(2).map((event) => ({ ...event, seq: event.seq + 1 })),
    ];
    const state = applyStreamEvents(initialStreamState(VERSION_ID), withNote);
    expect(state.notes).toEqual(['Read src/index.ts, package.json and README.md']);
    expect(state.plannedFiles).toEqual(['src/routes/reviews.ts']);
    expect(state.timing).toEqual({
      startedAt: at(0),
      firstFileAt: at(4),
      lastFileDoneAt: at(8),
      validationStartedAt: at(10),
      validationEndedAt: at(11),
    });
  });
});

describe('sameStreamOutline', () => {
  // States as the browser gets them: each from the one before, one event at a time.
  const states = fullRun.reduce<GenerationStreamState[]>(
    (all, event) => [...all, applyStreamEvents(all.at(-1)!, [event])],
    [initialStreamState(VERSION_ID)],
  );

  it('ignores code chunks, which only add text to a file being written', () => {
    expect(states[6]!.files['src/routes/reviews.ts']!.content).not.toBe(states[7]!.files['src/routes/reviews.ts']!.content);
    expect(sameStreamOutline(states[6]!, states[7]!)).toBe(true);
  });

  it('sees every event that changes what a card shows', () => {
    fullRun.forEach((event, index) => {
      expect(sameStreamOutline(states[index]!, states[index + 1]!), `event ${index + 1}: ${event.type}`).toBe(event.type === 'code:chunk');
    });
  });

  it('tells streams and their absence apart', () => {
    expect(sameStreamOutline(null, null)).toBe(true);
    expect(sameStreamOutline(states[3]!, null)).toBe(false);
    expect(sameStreamOutline(initialStreamState(VERSION_ID), initialStreamState('version-2'))).toBe(false);
  });
});

describe('endByStatus', () => {
  it('ends a stream whose version finished without a terminal event, and only then', () => {
    const state = initialStreamState(VERSION_ID);
    expect(endByStatus(state, 'generating')).toBe(state);
    expect(endByStatus(state, 'complete').ended?.kind).toBe('complete');
    expect(endByStatus(state, 'failed').ended?.kind).toBe('failed');
  });
});

describe('composeStreamedFiles', () => {
  it('lays streamed files over the base and removes deleted ones', () => {
    const state = applyStreamEvents(initialStreamState(VERSION_ID), fullRun.slice(0, 9));
    const base = { 'src/index.ts': 'index', 'src/old.ts': 'old' };
    expect(composeStreamedFiles(base, state)).toEqual({ 'src/index.ts': 'index', 'src/routes/reviews.ts': REVIEWS });
    expect(base).toEqual({ 'src/index.ts': 'index', 'src/old.ts': 'old' });
  });
});

describe('shownStatus', () => {
  it('takes the stream’s status once it has said anything, and the list’s before', () => {
    const fresh = initialStreamState(VERSION_ID);
    expect(shownStatus(fresh, 'validating')).toBe('validating');
    expect(shownStatus(null, 'complete')).toBe('complete');
    expect(shownStatus(applyStreamEvents(fresh, fullRun.slice(0, 3)), 'pending')).toBe('generating');
    expect(shownStatus(endByStatus(fresh, 'failed'), 'generating')).toBe('failed');
  });
});
