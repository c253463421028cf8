// How a saved check's result on the base version is found, from plain inputs: the base's report
// when its validation ran the check, else the answer the check was saved from on the base.
import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '@/types/versioning';
import { withBaseOutcomes } from './saved-check-runs';
import { savedCheckFixture } from '@/test/saved-check-fixture';

const BASE_ID = '00000000-0000-4000-8000-0000000000b1';

const check = savedCheckFixture;

const report = (checks: ValidationReport['checks']): ValidationReport => ({ sandbox: 'local', ok: true, durationMs: 1, checks });

describe('withBaseOutcomes', () => {
  it("takes the base's own result when its validation ran the check", () => {
    const validation = report([{ check: 'saved: GET /books → 200', ok: false, kind: 'saved', savedCheckId: check().id, detail: 'x', exchange: { request: { method: 'GET', path: '/books' }, response: { status: 500, body: 'boom' } } }]);
    expect(withBaseOutcomes([check()], { id: BASE_ID, versionNumber: 2, validation })).toEqual([
      { check: check(), base: { versionNumber: 2, ok: false, response: { status: 500, body: 'boom' } } },
    ]);
  });

  it('judges the answer the check was saved from, when that was the base and its validation did not run it', () => {
    const savedOn = { versionId: BASE_ID, response: { status: 200, body: '[{"title":"Dune"}]' } };
    const passing = check({ savedOn, expectJson: [{ title: 'Dune' }] });
    const failing = check({ id: 'c2', savedOn, expectJson: [{ title: 'Emma' }] });
    expect(withBaseOutcomes([passing, failing], { id: BASE_ID, versionNumber: 1, validation: report([]) }).map((run) => run.base)).toEqual([
      { versionNumber: 1, ok: true, response: savedOn.response },
      { versionNumber: 1, ok: false, response: savedOn.response },
    ]);
  });

  it('knows no base result for a check saved on another version, or with no base at all', () => {
    const savedElsewhere = check({ savedOn: { versionId: '00000000-0000-4000-8000-0000000000c3', response: { status: 200, body: '[]' } } });
    expect(withBaseOutcomes([savedElsewhere], { id: BASE_ID, versionNumber: 1, validation: null })).toEqual([{ check: savedElsewhere }]);
    expect(withBaseOutcomes([check()], null)).toEqual([{ check: check() }]);
  });
});
