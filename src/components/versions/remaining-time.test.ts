import { describe, expect, it } from 'vitest';
import type { StreamedFile } from '@/workspace/stream/generation-stream-state';
import { emptyFile } from '@/workspace/stream/streamed-file';
import { estimateRemainingMs, formatRemaining } from './remaining-time';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
const done: StreamedFile = { ...emptyFile('write'), content: 'x', state: 'done', operation: 'created' };
const writing: StreamedFile = { ...emptyFile('write'), content: 'x', state: 'writing', operation: null };
const timing = (first: number | null, last: number | null) => ({
  startedAt: at(0),
  firstFileAt: first === null ? null : at(first),
  lastFileDoneAt: last === null ? null : at(last),
  validationStartedAt: null,
  validationEndedAt: null,
});

describe('estimateRemainingMs', () => {
  it('extrapolates the pace of the finished files to the rest of the plan', () => {
    const run = { plannedFiles: ['a', 'b', 'c', 'd', 'e'], files: { a: done, b: done, c: writing }, timing: timing(2, 10) };
    // 2 files in 8 s: 4 s a file, 3 files to go.
    expect(estimateRemainingMs(run)).toBe(12_000);
  });

  it('has no estimate before the first file is finished, or without a plan', () => {
    expect(estimateRemainingMs({ plannedFiles: ['a', 'b'], files: { a: writing }, timing: timing(2, null) })).toBeNull();
    expect(estimateRemainingMs({ plannedFiles: [], files: { a: done }, timing: timing(2, 4) })).toBeNull();
  });

  it('counts files the plan did not name, and never goes below zero', () => {
    expect(estimateRemainingMs({ plannedFiles: ['a'], files: { a: done, b: done, c: writing }, timing: timing(0, 4) })).toBe(2_000);
    expect(estimateRemainingMs({ plannedFiles: ['a'], files: { a: done }, timing: timing(5, 4) })).toBe(0);
  });
});

describe('formatRemaining', () => {
  it('rounds to what a person can use', () => {
    expect(formatRemaining(3_000)).toBe('almost done');
    expect(formatRemaining(12_000)).toBe('about 15 s left');
    expect(formatRemaining(61_000)).toBe('about 1 min left');
    expect(formatRemaining(150_000)).toBe('about 3 min left');
  });
});
