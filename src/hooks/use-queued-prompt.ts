'use client';

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { NO_QUEUED_PROMPT, stepQueuedPrompt, withRestoredPrompt, type QueuedPrompt, type QueuedPromptEvent } from '@/workspace/queued-prompt';
import { useStableCallback } from './use-stable-callback';

interface QueuedPromptOptions {
  /** A version is running: the box's prompt is queued rather than sent. */
  running: boolean;
  /** The run that just ended was stopped from somewhere else (the CLI, another tab). */
  runStoppedByUser: boolean;
  /** The workspace's send; resolves true when the prompt was accepted. */
  onSend: (prompt: string) => Promise<boolean>;
}

export interface QueuedPromptControls {
  /** The text in the box. */
  draft: string;
  setDraft: (draft: string) => void;
  queued: QueuedPrompt;
  /** Queues the box's text and empties the box. */
  queueDraft: () => void;
  edit: () => void;
  cancel: () => void;
  /** The Stop button here was pressed: whatever is queued comes back to the box when the run ends. */
  noteStopPressed: () => void;
}

/**
 * The chat box's text and its queued prompt (queued-prompt.ts has the rules). A run's end is seen
 * as `running` turning false; the queued prompt then goes out through the same `onSend` as a typed
 * one, built on whatever the workspace builds on at that moment.
 */
export function useQueuedPrompt({ running, runStoppedByUser, onSend }: QueuedPromptOptions): QueuedPromptControls {
  const [draft, setDraft] = useState('');
  const [queued, setQueued] = useState<QueuedPrompt>(NO_QUEUED_PROMPT);
  // The state machine's current state for handlers and the send's answer, which may run before
  // the render that shows the last step.
  const current = useRef<QueuedPrompt>(NO_QUEUED_PROMPT);
  const stopPressed = useRef(false);
  const wasRunning = useRef(running);
  const send = useStableCallback(onSend);

  function dispatch(event: QueuedPromptEvent): QueuedPrompt {
    const step = stepQueuedPrompt(current.current, event);
    current.current = step.state;
    setQueued(step.state);
    const restored = step.restore;
    if (restored !== null) setDraft((text) => withRestoredPrompt(text, restored));
    if (step.send !== null) {
      send(step.send).then(
        (accepted) => dispatch({ type: accepted ? 'sent' : 'send-failed' }),
        () => dispatch({ type: 'send-failed' }),
      );
    }
    return step.state;
  }

  const runChanged = useEffectEvent((nowRunning: boolean) => {
    const stoppedByUser = stopPressed.current || runStoppedByUser;
    stopPressed.current = false;
    if (!nowRunning) dispatch({ type: 'run-ended', stoppedByUser });
  });

  useEffect(() => {
    if (wasRunning.current === running) return;
    wasRunning.current = running;
    runChanged(running);
  }, [running]);

  return {
    draft,
    setDraft,
    queued,
    queueDraft: () => {
      if (dispatch({ type: 'queue', prompt: draft }).kind === 'queued') setDraft('');
    },
    edit: () => dispatch({ type: 'edit' }),
    cancel: () => dispatch({ type: 'cancel' }),
    noteStopPressed: () => {
      stopPressed.current = true;
    },
  };
}
