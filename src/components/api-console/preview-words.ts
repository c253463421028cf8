// What the preview bar says about a preview's state, in words. Pure.
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

function minutesUntil(date: Date, now: number): number {
  return Math.max(1, Math.round((date.getTime() - now) / 60_000));
}

/** The line under the headline: where it runs and until when, or why it stopped or failed. */
export function previewNote(status: PreviewStatus, now = Date.now()): string | null {
  switch (status.state) {
    case 'ready': {
      const origin = status.handedOver ? 'kept running from validation' : `started in ${seconds(status)}`;
      const idle = status.idleStopAt ? `; stops after ${minutesUntil(status.idleStopAt, now)} min without a request` : '';
      return `${status.sandbox ?? 'sandbox'} · ${origin}${idle}.`;
    }
    case 'failed':
    case 'stopped':
      return status.message;
    default:
      return null;
  }
}

function seconds(status: PreviewStatus): string {
  if (!status.readyAt || !status.startedAt) return 'a moment';
  return `${((status.readyAt.getTime() - status.startedAt.getTime()) / 1000).toFixed(1)} s`;
}
