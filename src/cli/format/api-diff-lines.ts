// `forge diff`'s API section, printed before the file diff: one line per route, field, parameter or
// status change, breaking ones saying so, e.g. "- GET /authors  (removed, breaking)".
import { apiChangeSign, describeApiChange, type ApiDiff } from '@/types/api-diff';
import type { Paint } from './paint';

export function renderApiDiff(diff: ApiDiff, versions: { from: number; to: number }, paint: Paint): string {
  const title = `API v${versions.from} → v${versions.to}`;
  if (diff.status === 'unavailable') return `${paint.bold(`${title}:`)} ${paint.yellow(diff.reason)}\n`;
  if (diff.changes.length === 0) return `${paint.bold(`${title}: no changes`)}\n`;
  const count = `${diff.changes.length} ${diff.changes.length === 1 ? 'change' : 'changes'}`;
  const breaking = diff.breakingCount > 0 ? paint.red(`${diff.breakingCount} breaking`) : '0 breaking';
  const lines = [paint.bold(`${title}: ${count}, `) + breaking];
  for (const change of diff.changes) {
    const sign = apiChangeSign(change);
    const line = describeApiChange(change);
    lines.push(sign === '+' ? paint.green(line) : sign === '-' ? paint.red(line) : paint.yellow(line));
  }
  return `${lines.join('\n')}\n`;
}
