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

/**
 * The failed checks of a report with their details, less what changes from run to run (ports,
 * line numbers, the sandbox's temp dir): what "the same failure" compares.
 */
function failureSignature(report: ValidationReport | null): string {
  return (report?.checks ?? [])
    .filter((check) => !check.ok && !check.skipped)
    .map((check) => `${check.check}: ${check.detail.trim().replace(/\/tmp\/[^\s:]*/g, '<tmp>').replace(/\d+/g, '#')}`)
    .sort()
    .join('\n');
}

/**
 * Whether two reports failed the same way. An automatic fix of a version that fails as its base did
 * would be asked the same question again, which is where fix loops that burn tokens start.
 */
export function isSameFailure(report: ValidationReport | null, baseReport: ValidationReport | null): boolean {
  const signature = failureSignature(report);
  return signature !== '' && signature === failureSignature(baseReport);
}
