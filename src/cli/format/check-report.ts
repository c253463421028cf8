// `forge check`'s output: one line per check, the failing ones with the request and response that
// decided them (and, for a regression, the base version's answer), then a count. Pure.
import type { CheckExchange } from '@/types/api-checks';
import type { ValidationCheck } from '@/types/versioning';
import type { Paint } from './paint';

export interface CheckReportView {
  versionNumber: number;
  url: string;
  checks: readonly ValidationCheck[];
}

const indent = (text: string) => text.replace(/^/gm, '      ');

function response(label: string, answer: CheckExchange['response']): string {
  return `${label}: ${answer ? `${answer.status}${answer.body ? ` ${answer.body}` : ''}` : 'no response'}`;
}

function failureLines(check: ValidationCheck): string[] {
  const lines = check.detail.split('\n').slice(1);
  const { exchange, regression } = check;
  if (exchange) {
    const { request } = exchange;
    lines.push(`request: ${request.method} ${request.path}${request.body === undefined ? '' : ` ${request.body}`}`);
    lines.push(response('response', exchange.response));
  }
  if (regression) lines.push(response(`response on v${regression.baseVersionNumber}`, regression.baseResponse));
  return lines.map(indent);
}

export function renderCheckReport(report: CheckReportView, paint: Paint): string {
  const out = [`Checks of v${report.versionNumber} against ${report.url}`];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const check of report.checks) {
    const [headline = ''] = check.detail.split('\n');
    if (check.skipped && check.ok) {
      skipped++;
      out.push(`  ${paint.dim('-')} ${check.check}  ${paint.dim(headline)}`);
    } else if (check.ok) {
      passed++;
      out.push(`  ${paint.green('✓')} ${check.check}  ${paint.dim(headline)}`);
    } else {
      failed++;
      const tag = check.regression ? ` ${paint.yellow(`(regression since v${check.regression.baseVersionNumber})`)}` : '';
      out.push(`  ${paint.red('✗')} ${check.check}${tag}  ${headline}`, ...failureLines(check));
    }
  }
  const counts = [`${passed} passed`, failed > 0 ? paint.red(`${failed} failed`) : '0 failed', skipped > 0 ? `${skipped} skipped` : null].filter(Boolean);
  out.push(counts.join(', '));
  return `${out.join('\n')}\n`;
}
