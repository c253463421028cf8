// The checks of one validation, in order. Each is announced through onCheck the moment it is known;
// when a step fails, every check still planned is recorded as not run, so the report always lists
// the same checks for the same version.
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
    const masked = { ...check, detail: this.redact(check.detail) };
    this.checks.push(masked);
    this.onCheck?.(masked);
  }

  /** Records a check that was deliberately not run; it does not make the version fail. */
  skip(check: string, detail: string): void {
    this.record({ check, ok: true, skipped: true, detail });
  }

  /** Records every planned check not yet recorded as not run because of `reason`; they count as failed. */
  abandonRest(reason: string): void {
    for (const check of [...this.pending]) this.record({ check, ok: false, skipped: true, detail: `not run: ${reason}` });
  }

  get ok(): boolean {
    return this.checks.every((check) => check.ok);
  }
}
