// What the preview bar says about a preview's state, in words. Pure.
import { previewIdleLimit, previewOrigin } from '@/shared/preview-words';
import type { PreviewStatus } from '@/types/preview';

const STEP_WORDS: Record<NonNullable<PreviewStatus['step']>, string> = {
  install: 'installing dependencies',
  build: 'building',
  start: 'starting the server',
};

const STOP_WORDS: Record<NonNullable<PreviewStatus['stopReason']>, string> = {
  user: 'stopped',
  idle: 'stopped (idle)',
  evicted: 'stopped to make room',
  shutdown: 'stopped (server restarted)',
};

/** "v2 is ready", "v2 is starting: building…", "v2 failed to run". */
export function previewHeadline(versionNumber: number, status: PreviewStatus | undefined): string {
  const name = `v${versionNumber}`;
  switch (status?.state) {
    case 'ready':
      return `${name} is running`;
    case 'starting':
      return `${name} is starting: ${STEP_WORDS[status.step ?? 'install']}…`;
    case 'failed':
      return `${name} failed to run`;
    case 'stopped':
      return status.stopReason ? `${name} is ${STOP_WORDS[status.stopReason]}` : `${name} is not running`;
    default:
      return `${name} is not running`;
  }
}

/** The line under the headline: where it runs and for how long, or why it stopped or failed. */
export function previewNote(status: PreviewStatus): string | null {
  switch (status.state) {
    case 'ready':
      return `${[status.sandbox ?? 'sandbox', previewOrigin(status), previewIdleLimit(status)].filter(Boolean).join(' · ')}.`;
    case 'failed':
    case 'stopped':
      return status.message;
    default:
      return null;
  }
}
