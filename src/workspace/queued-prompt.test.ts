import { describe, expect, it } from 'vitest';
import {
  chatInputPlaceholder,
  NO_QUEUED_PROMPT,
  queuedPromptLabel,
  queuedPromptPreview,
  stepQueuedPrompt,
  withRestoredPrompt,
  type QueuedPrompt,
  type QueuedPromptEvent,
} from './queued-prompt';

/** Runs events in order; returns the final state and every send and restore on the way. */
function run(events: QueuedPromptEvent[], from: QueuedPrompt = NO_QUEUED_PROMPT) {
  let state = from;
  const sent: string[] = [];
  const restored: string[] = [];
  for (const event of events) {
    const step = stepQueuedPrompt(state, event);
    state = step.state;
    if (step.send !== null) sent.push(step.send);
    if (step.restore !== null) restored.push(step.restore);
  }
  return { state, sent, restored };
}

const queue = (prompt: string): QueuedPromptEvent => ({ type: 'queue', prompt });
const endedOnItsOwn: QueuedPromptEvent = { type: 'run-ended', stoppedByUser: false };
const stopped: QueuedPromptEvent = { type: 'run-ended', stoppedByUser: true };

describe('stepQueuedPrompt', () => {
  it('sends the queued prompt when the run ends on its own, and forgets it once sent', () => {
    const ended = run([queue('Add a reviews resource'), endedOnItsOwn]);
    expect(ended).toEqual({ state: { kind: 'sending', prompt: 'Add a reviews resource' }, sent: ['Add a reviews resource'], restored: [] });
    expect(run([{ type: 'sent' }], ended.state)).toEqual({ state: NO_QUEUED_PROMPT, sent: [], restored: [] });
  });

  it('puts the prompt back in the box instead when the person stopped the run', () => {
    expect(run([queue('Add a reviews resource'), stopped])).toEqual({ state: NO_QUEUED_PROMPT, sent: [], restored: ['Add a reviews resource'] });
  });

  it('puts the prompt back in the box when sending it fails', () => {
    expect(run([queue('Add a reviews resource'), endedOnItsOwn, { type: 'send-failed' }])).toEqual({
      state: NO_QUEUED_PROMPT,
      sent: ['Add a reviews resource'],
      restored: ['Add a reviews resource'],
    });
  });

  it('keeps one prompt: queueing again replaces it and says so', () => {
    const { state } = run([queue('Add reviews'), queue('Add a price field to books')]);
    expect(state).toEqual({ kind: 'queued', prompt: 'Add a price field to books', replacedEarlier: true });
    expect(run([endedOnItsOwn], state).sent).toEqual(['Add a price field to books']);
    expect(run([queue('Add reviews')]).state).toEqual({ kind: 'queued', prompt: 'Add reviews', replacedEarlier: false });
  });

  it('Edit takes the prompt back into the box and unqueues it; Cancel drops it', () => {
    expect(run([queue('Add reviews'), { type: 'edit' }, endedOnItsOwn])).toEqual({ state: NO_QUEUED_PROMPT, sent: [], restored: ['Add reviews'] });
    expect(run([queue('Add reviews'), { type: 'cancel' }, endedOnItsOwn])).toEqual({ state: NO_QUEUED_PROMPT, sent: [], restored: [] });
  });

  it('does nothing when a run ends with nothing queued', () => {
    expect(run([endedOnItsOwn, stopped])).toEqual({ state: NO_QUEUED_PROMPT, sent: [], restored: [] });
  });

  it('queues nothing blank, and nothing while the queued prompt is being sent', () => {
    expect(run([queue('  \n ')]).state).toEqual(NO_QUEUED_PROMPT);
    const sending: QueuedPrompt = { kind: 'sending', prompt: 'Add reviews' };
    expect(run([queue('Remove books'), { type: 'edit' }, { type: 'cancel' }, endedOnItsOwn], sending)).toEqual({ state: sending, sent: [], restored: [] });
  });

  it('ignores answers to a send that is not in flight', () => {
    const queued: QueuedPrompt = { kind: 'queued', prompt: 'Add reviews', replacedEarlier: false };
    expect(run([{ type: 'sent' }, { type: 'send-failed' }], queued)).toEqual({ state: queued, sent: [], restored: [] });
  });
});

describe('withRestoredPrompt', () => {
  it('fills an empty box, and keeps what was typed meanwhile after the returned prompt', () => {
    expect(withRestoredPrompt('', 'Add reviews')).toBe('Add reviews');
    expect(withRestoredPrompt('  ', 'Add reviews')).toBe('Add reviews');
    expect(withRestoredPrompt('and tags', 'Add reviews')).toBe('Add reviews\n\nand tags');
  });
});

describe('queuedPromptPreview', () => {
  it('shows the first words on one line and cuts the rest', () => {
    expect(queuedPromptPreview('Add a reviews resource')).toBe('Add a reviews resource');
    expect(queuedPromptPreview('Add a reviews\nresource', 13)).toBe('Add a reviews…');
    expect(queuedPromptPreview('Supercalifragilistic', 5)).toBe('Super…');
  });
});

describe('queuedPromptLabel and chatInputPlaceholder', () => {
  it('say when the prompt will go out', () => {
    expect(queuedPromptLabel(NO_QUEUED_PROMPT, 2)).toBeNull();
    expect(queuedPromptLabel({ kind: 'queued', prompt: 'x', replacedEarlier: false }, 2)).toBe('Queued: sends when v2 ends');
    expect(queuedPromptLabel({ kind: 'queued', prompt: 'x', replacedEarlier: true }, 2)).toBe('Queued (replaced the earlier one): sends when v2 ends');
    expect(queuedPromptLabel({ kind: 'queued', prompt: 'x', replacedEarlier: false }, null)).toBe('Queued: sends when this version ends');
    expect(queuedPromptLabel({ kind: 'sending', prompt: 'x' }, null)).toBe('Sending');
  });

  it('tell the person what Enter does while a version runs', () => {
    expect(chatInputPlaceholder(false, NO_QUEUED_PROMPT, null)).toBe('Ask for a change…');
    expect(chatInputPlaceholder(true, NO_QUEUED_PROMPT, 2)).toBe('Type the next prompt: it sends when v2 ends');
    expect(chatInputPlaceholder(true, { kind: 'queued', prompt: 'x', replacedEarlier: false }, 2)).toBe('Enter replaces the queued prompt…');
  });
});
