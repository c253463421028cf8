import { describe, expect, it } from 'vitest';
import { markersFromChanges, markersFromStream } from './file-markers';

describe('markers', () => {
  it('marks planned, open and finished files of a stream, and not a file cut off by a failure', () => {
    const markers = markersFromStream({
      plannedFiles: ['a.ts', 'b.ts', 'c.ts', 'cut.ts', 'd.ts'],
      files: {
        'a.ts': { state: 'done', operation: 'created', mode: 'write' },
        'b.ts': { state: 'writing', operation: null, mode: 'write' },
        'd.ts': { state: 'writing', operation: null, mode: 'edit' },
        'old.ts': { state: 'done', operation: 'deleted', mode: 'write' },
        'cut.ts': { state: 'done', operation: null, mode: 'write' },
      },
      ended: null,
    });
    expect(markers).toEqual({ 'a.ts': 'created', 'b.ts': 'writing', 'c.ts': 'queued', 'd.ts': 'editing', 'old.ts': 'deleted' });
  });

  it('marks an edited file modified once it is done, and a cut-off edit not at all', () => {
    const markers = markersFromStream({
      plannedFiles: [],
      files: {
        'a.ts': { state: 'done', operation: 'modified', mode: 'edit' },
        'cut.ts': { state: 'done', operation: null, mode: 'edit' },
      },
      ended: { kind: 'failed', message: 'Stopped.', reason: 'stopped' },
    });
    expect(markers).toEqual({ 'a.ts': 'modified' });
  });

  it('stops marking planned files once the stream has ended', () => {
    const markers = markersFromStream({
      plannedFiles: ['a.ts', 'never.ts'],
      files: { 'a.ts': { state: 'done', operation: 'created', mode: 'write' } },
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
