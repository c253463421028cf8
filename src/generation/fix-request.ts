// The request a "Fix" sends to the model: what failed, in the sandbox's own words, and for a saved
// check that regressed, the request with the base version's answer and this one's. Pure.
import type { CheckExchange } from '@/types/api-checks';
import type { ValidationCheck, ValidationReport } from '@/types/versioning';

const MAX_DETAIL_CHARS = 1500;

const indent = (text: string) => text.replace(/^/gm, '    ');

function describeFailure(check: ValidationCheck): string {
  const detail = check.detail.length > MAX_DETAIL_CHARS ? `…${check.detail.slice(-MAX_DETAIL_CHARS)}` : check.detail;
  const request = check.exchange ? `\n${indent(`Request: ${describeRequest(check.exchange.request)}\nResponse: ${describeResponse(check.exchange.response)}`)}` : '';
  return `- ${check.check}:\n${indent(detail)}${request}`;
}

function describeRequest(request: CheckExchange['request']): string {
  return `${request.method} ${request.path}${request.body === undefined ? '' : ` ${request.body}`}`;
}

function describeResponse(response: CheckExchange['response']): string {
  return response ? `${response.status}${response.body ? ` ${response.body}` : ''}` : 'no response';
}

function describeRegression(check: ValidationCheck): string {
  const { regression, exchange } = check;
  return [
    `- ${check.check}`,
    indent(
      [
        exchange ? `Request: ${describeRequest(exchange.request)}` : null,
        `Response on v${regression!.baseVersionNumber}: ${describeResponse(regression!.baseResponse)}`,
        `Response now: ${describeResponse(exchange?.response)}`,
      ]
        .filter(Boolean)
        .join('\n'),
    ),
  ].join('\n');
}

export function buildFixRequest(versionNumber: number, report: ValidationReport | null): string {
  const checks = report?.checks ?? [];
  const failed = checks.filter((check) => !check.ok && !check.skipped && check.kind !== 'saved');
  const regressed = checks.filter((check) => check.regression);
  if (failed.length === 0 && regressed.length === 0) {
    return `v${versionNumber} failed validation. Find and fix the problem so that it installs, starts and answers GET /health.`;
  }
  const parts = [
    `Fix v${versionNumber}: ${failed.length > 0 ? 'these checks failed when the API was installed, started and probed.' : 'saved checks that passed before fail now.'}`,
    ...failed.map(describeFailure),
  ];
  if (regressed.length > 0) {
    if (failed.length > 0) parts.push('These saved checks passed on an earlier version and fail now:');
    parts.push(...regressed.map(describeRegression));
  }
  parts.push('Change only what is needed to make every check pass.');
  return parts.join('\n');
}

/**
 * The failed checks of a report with their details, less what changes from run to run (ports,
 * line numbers, the sandbox's temp dir): what "the same failure" compares.
 */
function failureSignature(report: ValidationReport | null): string {
  return (report?.checks ?? [])
    .filter((check) => !check.ok && !check.skipped && check.kind !== 'saved')
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
