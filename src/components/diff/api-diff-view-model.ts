// What the compare view's API section lays out from a `versions.apiDiff` answer. Pure.
import { apiChangeSign, apiChangeSubject, apiChangeVerdict, describeApiChange, type ApiDiff } from '@/types/api-diff';

export interface ApiChangeRow {
  key: string;
  sign: '+' | '-' | '~';
  /** "GET /authors", "POST /books  request isbn", "GET /books  query limit: now required", "POST /books  status: 201 → 200". */
  subject: string;
  /** "(removed, breaking)" */
  verdict: string;
  breaking: boolean;
  /** The whole change as one line, for a tooltip and screen readers. */
  text: string;
}

export type ApiDiffView =
  | { kind: 'unavailable'; message: string }
  | { kind: 'unchanged'; message: string }
  | { kind: 'changes'; summary: string; breakingCount: number; rows: ApiChangeRow[] };

export const API_SIGN_STYLES: Record<ApiChangeRow['sign'], string> = {
  '+': 'text-emerald-400',
  '-': 'text-red-400',
  '~': 'text-amber-300',
};

export function apiDiffView(diff: ApiDiff): ApiDiffView {
  if (diff.status === 'unavailable') return { kind: 'unavailable', message: diff.reason };
  if (diff.changes.length === 0) return { kind: 'unchanged', message: 'No route, field, parameter or status changes.' };
  const count = diff.changes.length;
  const rows = diff.changes.map((change, index) => ({
    // The same change can repeat only by index (e.g. a type and a required change on one field have different details).
    key: `${index}:${describeApiChange(change)}`,
    sign: apiChangeSign(change),
    subject: apiChangeSubject(change),
    verdict: apiChangeVerdict(change),
    breaking: change.breaking,
    text: describeApiChange(change),
  }));
  return {
    kind: 'changes',
    summary: `${count} ${count === 1 ? 'change' : 'changes'}${diff.breakingCount > 0 ? `, ${diff.breakingCount} breaking` : ', none breaking'}`,
    breakingCount: diff.breakingCount,
    rows,
  };
}
