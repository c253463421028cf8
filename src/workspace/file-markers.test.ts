import { describe, expect, it } from 'vitest';
import { markersFromChanges, markersFromStream } from './file-markers';

describe('markers', () => {
  it('marks planned, open and finished files of a stream, and not a file cut off by a failure', () => {
    const markers = markersFromStream({
      plannedFiles: ['a.ts', 'b.ts', 'c.ts', 'cut.ts'],
      files: {
        'a.ts': { content: 'x', state: 'done', operation: 'created' },
        'b.ts': { content: 'y', state: 'writing', operation: null },
        'old.ts': { content: '', state: 'done', operation: 'deleted' },
        'cut.ts': { content: 'par', state: 'done', operation: null },
      },
      ended: null,
    });
    expect(markers).toEqual({ 'a.ts': 'created', 'b.ts': 'writing', 'c.ts': 'queued', 'old.ts': 'deleted' });
  });

  it('stops marking planned files once the stream has ended', () => {
    const markers = markersFromStream({
      plannedFiles: ['a.ts', 'never.ts'],
      files: { 'a.ts': { content: 'x', state: 'done', operation: 'created' } },
      ended: { kind: 'failed', message: 'Stopped.', reason: 'stopped' },
    });
    expect(markers).toEqual({ 'a.ts': 'created' });
  });

  it('leaves deleted files out of a saved version', () => {
    expect(
      markersFromChanges([
        { filePath: 'a.ts', operation: 'created' },
        { filePath: 'b.ts', operation: 'modified' },
        { filePath: 'c.ts', operation: 'deleted' },
      ]),
    ).toEqual({ 'a.ts': 'created', 'b.ts': 'modified' });
  });
});
