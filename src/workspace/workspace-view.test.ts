import { describe, expect, it } from 'vitest';
import type { StreamEvent, StreamEventBody } from '@/types/streaming';
import type { VersionSummary } from '@/types/versioning';
import { applyStreamEvents, initialStreamState, type GenerationStreamState } from './stream/generation-stream-state';
import { codeNotice, selectedVersion, workspaceView, type WorkspaceViewInput } from './workspace-view';

function version(id: string, versionNumber: number, overrides: Partial<VersionSummary> = {}): VersionSummary {
  return {
    id,
    projectId: 'project-1',
    versionNumber,
    baseVersionId: null,
    baseVersionNumber: null,
    fixOfVersionId: null,
    prompt: 'Make an API',
    title: null,
    summary: null,
    status: 'complete',
    stopReason: 'completed',
    error: null,
    validation: null,
    model: null,
    usage: null,
    activity: null,
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    completedAt: null,
    changes: [],
    ...overrides,
  };
}

function streamed(versionId: string, ...bodies: StreamEventBody[]): GenerationStreamState {
  const events: StreamEvent[] = bodies.map((body, index) => ({ ...body, versionId, seq: index + 1, at: '2026-01-01T00:00:00.000Z' }));
  return applyStreamEvents(initialStreamState(versionId), events);
}

const v1 = version('v1', 1);
const v2 = version('v2', 2, { baseVersionId: 'v1' });
const v3Running = version('v3', 3, { status: 'generating', stopReason: null, baseVersionId: 'v2' });

function view(input: Partial<WorkspaceViewInput> & Pick<WorkspaceViewInput, 'versions'>) {
  const { selectedId, selected } = selectedVersion(input.versions, input.selectedId ?? null);
  return workspaceView({ active: null, live: null, selectedId, selected, ...input });
}

describe('selectedVersion', () => {
  it('is the version picked, else the latest', () => {
    expect(selectedVersion([v1, v2], null)).toEqual({ selectedId: 'v2', selected: v2 });
    expect(selectedVersion([v1, v2], 'v1')).toEqual({ selectedId: 'v1', selected: v1 });
    expect(selectedVersion([], null)).toEqual({ selectedId: null, selected: null });
    // Picked before the list knows it: nothing to show yet.
    expect(selectedVersion([v1], 'v9')).toEqual({ selectedId: 'v9', selected: null });
  });
});

describe('workspaceView', () => {
  it('shows nothing running and no status before the list loads', () => {
    expect(view({ versions: [] })).toMatchObject({ selectedStatus: null, selectedStateLabel: null, runningId: null, generatingLabel: null });
  });

  it('says what the list says runs before the stream has started', () => {
    const shown = view({ versions: [v1, v2, v3Running], active: v3Running, live: initialStreamState('v3') });
    expect(shown).toMatchObject({ runningId: 'v3', runningNumber: 3, generatingLabel: 'AI is generating v3…', liveStatus: 'generating' });
  });

  it('takes the stream status and number ahead of the list', () => {
    const live = streamed('v3', { type: 'version:start', versionNumber: 3, baseVersionId: 'v2' }, { type: 'step', name: 'validating' });
    const pending = version('v3', 3, { status: 'pending', stopReason: null });
    const shown = view({ versions: [v1, v2, pending], active: pending, live, selectedId: 'v3' });
    expect(shown).toMatchObject({ selectedStatus: 'validating', generatingLabel: 'Validating v3…', liveStatus: 'validating' });
  });

  it('stops saying a version runs once its stream ended, before the list is fetched again', () => {
    const live = streamed('v3', { type: 'version:start', versionNumber: 3, baseVersionId: 'v2' }, { type: 'error', message: 'Stopped', reason: 'stopped' });
    const shown = view({ versions: [v1, v2, v3Running], active: v3Running, live, selectedId: 'v3' });
    expect(shown).toMatchObject({ runningId: null, generatingLabel: null, runStoppedByUser: true, selectedStatus: 'failed', selectedStateLabel: 'stopped' });
  });

  it('labels a saved version by its checks', () => {
    const validated = version('v2', 2, { validation: { sandbox: 'local', ok: true, durationMs: 10, checks: [{ check: 'health', ok: true, detail: '' }] } });
    expect(view({ versions: [v1, validated] }).selectedStateLabel).toBe('validated ✓');
    expect(view({ versions: [v1, v2] }).selectedStateLabel).toBe('complete');
  });

  it('branches from an older saved version only', () => {
    expect(view({ versions: [v1, v2], selectedId: 'v1' })).toMatchObject({ explicitBase: 'v1', explicitBaseNumber: 1 });
    expect(view({ versions: [v1, v2], selectedId: 'v2' })).toMatchObject({ explicitBase: undefined, explicitBaseNumber: null });
  });

  it('counts the versions that can be compared', () => {
    expect(view({ versions: [v1, v2, v3Running] }).comparableCount).toBe(2);
  });
});

describe('codeNotice', () => {
  it('joins what the person should know about the code shown', () => {
    expect(codeNotice([], false, null)).toBeNull();
    expect(codeNotice([{ filePath: 'a.ts', reason: 'hash mismatch' }], true, 'Network error')).toBe(
      'Could not restore a.ts (hash mismatch); showing the nearest verified content. ' +
        'This version did not finish: this is its partial output, which was not saved. Network error',
    );
  });
});
