// Edits through the stream reducer (docs/architecture.md, "Events"): `file:editing`, `edit:hunk`s
// and the code:chunks typed into them.
import { describe, expect, it } from 'vitest';
import type { StreamEvent, StreamEventBody } from '@/types/streaming';
import { markersFromStream } from '../file-markers';
import { applyStreamEvents, initialStreamState, liveEdit, sameStreamOutline, type GenerationStreamState } from './generation-stream-state';

const VERSION_ID = 'version-2';
const PATH = 'src/index.ts';
const BASE = 'l1\nl2\nl3\nl4\nl5\nl6\n';

function events(...bodies: StreamEventBody[]): StreamEvent[] {
  return bodies.map((body, index) => ({ ...body, versionId: VERSION_ID, seq: index + 1, at: `2026-01-01T00:00:${String(index).padStart(2, '0')}.000Z` }));
}

const editing = (content = BASE): StreamEventBody => ({ type: 'file:editing', filePath: PATH, content });
const hunk = (startLine: number, deletedLines: number): StreamEventBody => ({ type: 'edit:hunk', filePath: PATH, startLine, deletedLines });
const chunk = (text: string, startLine: number): StreamEventBody => ({ type: 'code:chunk', filePath: PATH, chunk: text, startLine });
const modified: StreamEventBody = { type: 'file:complete', filePath: PATH, operation: 'modified' };

/** Every state the browser goes through, one event at a time. */
function statesOf(run: StreamEvent[]): GenerationStreamState[] {
  return run.reduce<GenerationStreamState[]>((all, event) => [...all, applyStreamEvents(all.at(-1)!, [event])], [initialStreamState(VERSION_ID)]);
}

const file = (state: GenerationStreamState) => state.files[PATH]!;

describe('an edit in the stream', () => {
  it('starts from the file as it stands and types one hunk in place of the lines it removes', () => {
    const states = statesOf(events(editing(), hunk(2, 2), chunk('L2\n', 2), chunk('L3\n', 3), modified));
    expect(file(states[1]!)).toEqual({ content: BASE, state: 'writing', operation: null, mode: 'edit', editCursor: null, editedLines: null });
    expect(file(states[2]!)).toMatchObject({ content: 'l1\nl4\nl5\nl6\n', editCursor: 3, editedLines: { from: 2, to: 2 } });
    expect(file(states[3]!)).toMatchObject({ content: 'l1\nL2\nl4\nl5\nl6\n', editCursor: 6, editedLines: { from: 2, to: 2 } });
    expect(file(states[4]!)).toMatchObject({ content: 'l1\nL2\nL3\nl4\nl5\nl6\n', editCursor: 9, editedLines: { from: 2, to: 3 } });
    expect(states[4]!.currentFile).toBe(PATH);
    expect(file(states[5]!)).toEqual({
      content: 'l1\nL2\nL3\nl4\nl5\nl6\n',
      state: 'done',
      operation: 'modified',
      mode: 'edit',
      editCursor: null,
      editedLines: { from: 2, to: 3 },
    });
    expect(states[5]!.currentFile).toBeNull();
  });

  it('applies each hunk to the file as already edited, whose lines moved with the hunks before', () => {
    const states = statesOf(
      events(
        editing(),
        // l2 becomes three lines: l5 moves from line 5 to line 7.
        hunk(2, 1),
        chunk('a\nb\nc\n', 2),
        hunk(7, 1),
        chunk('L5\n', 7),
        // Then two lines go at the top: l3 and l4 are lines 5 and 6 now, and move up to 3 and 4.
        hunk(1, 2),
        hunk(3, 2),
        chunk('three-four\n', 3),
        modified,
      ),
    );
    expect(file(states[3]!).editedLines).toEqual({ from: 2, to: 4 });
    expect(file(states[5]!)).toMatchObject({ content: 'l1\na\nb\nc\nl3\nl4\nL5\nl6\n', editedLines: { from: 7, to: 7 } });
    expect(file(states[6]!)).toMatchObject({ content: 'b\nc\nl3\nl4\nL5\nl6\n', editCursor: 0, editedLines: { from: 1, to: 1 } });
    expect(file(states[9]!).content).toBe('b\nc\nthree-four\nL5\nl6\n');
  });

  it('marks the line where a pure deletion removed lines', () => {
    const state = statesOf(events(editing(), hunk(3, 2))).at(-1)!;
    expect(file(state)).toMatchObject({ content: 'l1\nl2\nl5\nl6\n', editCursor: 6, editedLines: { from: 3, to: 3 } });
  });

  it('types chunks split mid-line at the cursor, the lines growing as they arrive', () => {
    const states = statesOf(events(editing(), hunk(2, 1), chunk('L', 2), chunk('2\nne', 2), chunk('w\n', 3)));
    expect(file(states[3]!)).toMatchObject({ content: 'l1\nLl3\nl4\nl5\nl6\n', editedLines: { from: 2, to: 2 } });
    expect(file(states[4]!)).toMatchObject({ content: 'l1\nL2\nnel3\nl4\nl5\nl6\n', editedLines: { from: 2, to: 3 } });
    expect(file(states[5]!)).toMatchObject({ content: 'l1\nL2\nnew\nl3\nl4\nl5\nl6\n', editedLines: { from: 2, to: 3 } });
  });

  it('treats \\r\\n as text: lines are cut at \\n, and the \\r stays with its line', () => {
    const state = statesOf(events(editing('a\r\nb\r\nc\r\n'), hunk(2, 1), chunk('B\r\n', 2))).at(-1)!;
    expect(file(state)).toMatchObject({ content: 'a\r\nB\r\nc\r\n', editedLines: { from: 2, to: 2 } });
  });

  it('starts over as a whole file from empty when the file is asked for again after its edit', () => {
    const run = events(editing(), hunk(2, 1), chunk('broken', 2), { type: 'file:generating', filePath: PATH }, chunk('whole\n', 1), chunk('file\n', 2));
    const states = statesOf(run);
    expect(file(states[4]!)).toEqual({ content: '', state: 'writing', operation: null, mode: 'write', editCursor: null, editedLines: null });
    expect(file(states[6]!).content).toBe('whole\nfile\n');
    expect(markersFromStream(states[3]!)[PATH]).toBe('editing');
    expect(markersFromStream(states[6]!)[PATH]).toBe('writing');
    expect(liveEdit(states[6]!)).toBeNull();
  });

  it('keeps the order, duplicate and gap rules: a replayed or split edit types each chunk once', () => {
    const run = events(editing(), hunk(2, 1), chunk('A\n', 2), chunk('B\n', 3), hunk(6, 1), chunk('Z\n', 6), modified);
    const whole = applyStreamEvents(initialStreamState(VERSION_ID), run);
    const replayed = applyStreamEvents(applyStreamEvents(initialStreamState(VERSION_ID), run.slice(0, 4)), [...run].reverse());
    const withGap = applyStreamEvents(initialStreamState(VERSION_ID), [...run.slice(0, 2), ...run.slice(3)]);
    expect(file(whole).content).toBe('l1\nA\nB\nl3\nl4\nZ\nl6\n');
    expect(replayed).toEqual(whole);
    expect(withGap.lastSeq).toBe(2);
    expect(applyStreamEvents(withGap, run.slice(2))).toEqual(whole);
  });
});

describe('an edited file counts like a written one', () => {
  const run = events(editing(), hunk(2, 1), chunk('A\n', 2), modified);
  const states = statesOf(run);

  it('starts the file clock and ends as modified', () => {
    expect(states[1]!.timing.firstFileAt).toBe(run[0]!.at);
    expect(states[4]!.timing.lastFileDoneAt).toBe(run[3]!.at);
    expect(markersFromStream(states[4]!)[PATH]).toBe('modified');
  });

  it('changes a card’s outline when it starts and ends, not with its hunks and chunks', () => {
    expect(run.map((event, index) => sameStreamOutline(states[index]!, states[index + 1]!))).toEqual([false, true, true, false]);
  });

  it('gives the viewer the open hunk, and nothing once the file is done', () => {
    expect(liveEdit(states[1]!)).toBeNull();
    expect(liveEdit(states[3]!)).toEqual({ path: PATH, cursor: 5, lines: { from: 2, to: 2 } });
    expect(liveEdit(states[4]!)).toBeNull();
  });

  it('stops a cut-off edit where it got to', () => {
    const failed = applyStreamEvents(states[3]!, events(...run.slice(0, 3), { type: 'error', message: 'Stopped.', reason: 'stopped' }));
    expect(file(failed)).toMatchObject({ content: 'l1\nA\nl3\nl4\nl5\nl6\n', state: 'done', operation: null, editCursor: null });
  });
});
