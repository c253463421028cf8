// The checks of one validation, in order. Each is announced through onCheck the moment it is known;
// when a step fails, every check still planned is recorded as not run, so the report always lists
// the same checks for the same version.
import { SAVED_CHECK_PREFIX, type CheckExchange } from '@/types/api-checks';
import type { ValidationCheck } from '@/types/versioning';
import { noRedaction, type Redact } from './redact-secrets';

export class CheckList {
  readonly checks: ValidationCheck[] = [];
  private readonly pending: string[];

  /** `redact` masks the project's env values in every detail before anyone sees it. */
  constructor(
    planned: readonly string[],
    private readonly onCheck?: (check: ValidationCheck) => void,
    private readonly redact: Redact = noRedaction,
  ) {
    this.pending = [...planned];
  }

  record(check: ValidationCheck): void {
    const index = this.pending.indexOf(check.check);
    if (index >= 0) this.pending.splice(index, 1);
    const masked = { ...check, detail: this.redact(check.detail), ...(check.exchange ? { exchange: this.maskExchange(check.exchange) } : {}) };
    this.checks.push(masked);
    this.onCheck?.(masked);
  }

  /** Records a check that was deliberately not run; it does not make the version fail. */
  skip(check: string, detail: string): void {
    this.record({ check, ok: true, skipped: true, detail });
  }

  /** Records every planned check not yet recorded as not run because of `reason`; they count as failed. */
  abandonRest(reason: string): void {
    for (const check of [...this.pending]) {
      const saved = check.startsWith(SAVED_CHECK_PREFIX) ? { kind: 'saved' as const } : {};
      this.record({ check, ok: false, skipped: true, detail: `not run: ${reason}`, ...saved });
    }
  }

  /** A saved check that fails does not fail the version: the change may be meant (docs/architecture.md, "API checks"). */
  get ok(): boolean {
    return this.checks.every((check) => check.ok || check.kind === 'saved');
  }

  /** The API may echo what it was sent or print its env: its answers are masked like details. */
  private maskExchange(exchange: CheckExchange): CheckExchange {
    const { request, response } = exchange;
    return {
      request: { ...request, path: this.redact(request.path), ...(request.body === undefined ? {} : { body: this.redact(request.body) }) },
      ...(response ? { response: { status: response.status, body: this.redact(response.body) } } : {}),
    };
  }
}
