import { describe, expect, it } from 'vitest';
import { orderChecks } from './validation-order';

describe('orderChecks', () => {
  it('puts failures first and deliberate skips last, keeping the run order within each group', () => {
    const checks = [
      { check: 'probe 41', ok: true, skipped: true },
      { check: 'install', ok: true },
      { check: 'build', ok: false },
      { check: 'start', ok: false, skipped: true },
      { check: 'health', ok: true },
    ];
    expect(orderChecks(checks).map((check) => check.check)).toEqual(['build', 'start', 'install', 'health', 'probe 41']);
  });
});
