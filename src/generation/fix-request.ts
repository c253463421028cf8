// The request a "Fix" sends to the model: what failed, in the sandbox's own words. Pure.
import type { ValidationReport } from '@/types/versioning';

const MAX_DETAIL_CHARS = 1500;

export function buildFixRequest(versionNumber: number, report: ValidationReport | null): string {
  const failed = (report?.checks ?? []).filter((check) => !check.ok && !check.skipped);
  if (failed.length === 0) return `v${versionNumber} failed validation. Find and fix the problem so that it installs, starts and answers GET /health.`;
  const details = failed.map((check) => {
    const detail = check.detail.length > MAX_DETAIL_CHARS ? `…${check.detail.slice(-MAX_DETAIL_CHARS)}` : check.detail;
    return `- ${check.check}:\n${detail.replace(/^/gm, '    ')}`;
  });
  return [
    `Fix v${versionNumber}: these checks failed when the API was installed, started and probed.`,
    ...details,
    'Change only what is needed to make every check pass.',
  ].join('\n');
}
