// `npm run bench -- model-path`: how fast and how surely the model path (src/generation/**) turns a
// model's answer into a project, measured in process (createAppServices on PGlite in memory, the tRPC
// caller, the real `openai` SDK against the OpenAI-wire fixture at 80 tokens/s). Rows whose feature has
// not landed yet say which piece is missing instead of failing the suite.
import { performance } from 'node:perf_hooks';
import { closeModelPathDatabases, detectFeatures, type ModelPathFeatures } from './model-path-harness';
import { measureFieldChange, measureFirstVersion } from './model-path-timing';
import { measureInstallAhead, measureValidatedShare } from './model-path-validation';
import type { Row } from './results-file';

type Measure = (features: ModelPathFeatures, rows: Row[], notes: string[]) => Promise<void>;

export async function runModelPathBench(): Promise<{ rows: Row[]; notes: string[] }> {
  const features = detectFeatures();
  const results: Array<{ table: number; rows: Row[]; notes: string[] }> = [];
  /** Runs one row's measure; a broken row keeps the others' figures and is recorded as FAILED with the reason. */
  const measured = (table: number, name: string, measure: Measure) => async () => {
    const rows: Row[] = [];
    const notes: string[] = [];
    const started = performance.now();
    console.error(`model-path: ${name} ...`);
    try {
      await measure(features, rows, notes);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`model-path: ${name} FAILED: ${message}`);
      rows.push([name, `FAILED: ${message.split('\n')[0]!.slice(0, 160)}`, '-']);
      notes.push(`Row "${name}" failed: ${message}`);
    }
    console.error(`model-path: ${name} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
    results.push({ table, rows, notes });
  };
  // The field change runs while row 1's single call streams (both are paced, with the sandbox skipped).
  // The validation share goes before install-ahead, so that row's npm installs find the shared npm
  // cache warm, as on a server that has validated a few versions.
  try {
    const fieldChange = measured(3, 'field change', measureFieldChange);
    await measured(1, 'v1 files complete', (...args) => measureFirstVersion(...args, fieldChange))();
    await measured(4, 'validation share', measureValidatedShare)();
    await measured(2, 'create → validated', measureInstallAhead)();
  } finally {
    await closeModelPathDatabases();
  }
  results.sort((a, b) => a.table - b.table);
  const missing = [
    features.parallelV1.FORGE_PARALLEL_FILES ? "FORGE_PARALLEL_FILES='auto' (parallel v1 ran with 'on')" : '',
    features.installAhead ? '' : 'FORGE_INSTALL_AHEAD',
  ].filter(Boolean);
  return {
    rows: results.flatMap((result) => result.rows),
    notes: [
      ...(missing.length ? [`Not built yet when this ran: ${missing.join('; ')}.`] : []),
      ...results.flatMap((result) => result.notes),
    ],
  };
}
