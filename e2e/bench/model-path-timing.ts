// Model-path rows 1 and 3: the 11-file tasks v1 written by one call and by parallel files (create →
// all files complete), and "add a priority field" answered with whole files and with edit blocks.
import type { FileMap } from '../../src/types/versioning';
import { FAST_PACE, REALISTIC_PACE } from './bench-responder';
import { editAnswer, fileBlock, offlineProject, realisticPlanAnswer, singleCallAnswer, tokensOf, type OfflineProject } from './model-path-answers';
import { describeCalls, expectComplete, outputTokens, withModelPathServer, type ModelPathFeatures, type Responder } from './model-path-harness';
import type { Row } from './results-file';
import { describeDifference, sameFiles } from './server-stream-checks';
import { formatSeconds } from './stats';

export const TASKS_PROMPT = 'An API for tasks';
/** The first of these the offline generator answers with files is the v2 request (server-iteration.ts asks the same). */
const FIELD_CHANGES = ['add a priority field to tasks', 'add a field priority (number) to tasks', 'add a priority (number) field to tasks'];

/** Answers a v1 in either mode: the plan call, each planned file's call, or one call for the whole project. */
export function v1Responder(project: OfflineProject): Responder {
  return (call) => {
    if (call.kind === 'plan') return realisticPlanAnswer(project);
    if (call.kind === 'other') return singleCallAnswer(project);
    const content = project.files[call.path];
    if (content === undefined) throw new Error(`a file call for ${call.path}, which the plan does not name`);
    return fileBlock(call.path, content);
  };
}

/** A v2 is one call ('auto' runs v2+ as a single call); a plan or file call means the mode is not what the row measures. */
function v2Responder(answer: string): Responder {
  return (call) => {
    if (call.kind !== 'other') throw new Error(`the v2 made a ${call.kind} call; the field-change row measures single-call v2s`);
    return answer;
  };
}

/**
 * `alongsideSingleCall` runs while the single call streams (it must not touch the parallel run, the
 * row's target): the suite puts the field-change row there, so it fits in about five minutes.
 */
export async function measureFirstVersion(
  features: ModelPathFeatures,
  rows: Row[],
  notes: string[],
  alongsideSingleCall: () => Promise<void> = async () => {},
): Promise<void> {
  const project = offlineProject(TASKS_PROMPT);
  const fileCount = Object.keys(project.files).length;
  const timeV1 = (env: Record<string, string>) =>
    withModelPathServer({ FORGE_SANDBOX: 'skip', ...env }, (server) =>
      server.run(REALISTIC_PACE, v1Responder(project), (caller) => caller.projects.create({ prompt: TASKS_PROMPT })),
    );
  const [singleRun] = await Promise.all([timeV1({ FORGE_PARALLEL_FILES: 'off' }), alongsideSingleCall()]);
  const single = expectComplete(singleRun, 'single-call v1');
  const parallel = expectComplete(await timeV1(features.parallelV1), 'parallel v1');
  if (!sameFiles(single.files, parallel.files)) throw new Error(`the parallel v1's files differ from the single call's: ${describeDifference(single.files, parallel.files)}`);
  if (single.calls.other !== 1 || parallel.calls.plan !== 1) {
    throw new Error(`expected 1 whole call vs 1 plan + files; got ${describeCalls(single.calls)} vs ${describeCalls(parallel.calls)}`);
  }

  const label = `the ${fileCount}-file v1, create → all files complete`;
  rows.push([`${label}: single call`, formatSeconds(single.filesCompleteMs), '-']);
  rows.push([
    `${label}: ${features.parallelLabel}`,
    `${formatSeconds(parallel.filesCompleteMs)} (${(single.filesCompleteMs / parallel.filesCompleteMs).toFixed(1)}x)`,
    '≤ 20 s',
  ]);
  rows.push([
    `${label}: output tokens / calls, single vs parallel`,
    `${outputTokens(single)} / ${describeCalls(single.calls)} vs ${outputTokens(parallel)} / ${describeCalls(parallel.calls)}`,
    '-',
  ]);
  const plan = realisticPlanAnswer(project);
  const openapi = project.files['openapi.json'];
  notes.push(
    `Row "${label}": "${TASKS_PROMPT}" as the offline generator writes it (composeOfflineAnswer, v1, no base), at 80 tokens/s ` +
      `(4 characters a token, a chunk every 12.5 ms, first token after 400 ms), FORGE_SANDBOX=skip. Single call: FORGE_PARALLEL_FILES=off, ` +
      `the fixture streams the whole answer. Parallel: ${features.parallelLabel}, concurrency ${features.concurrency} (FORGE_PARALLEL_CONCURRENCY default); the plan ` +
      `call gets a plan a model would write (${tokensOf(plan)} tokens: one "path create — job" line a file, longest first, then <interfaces> ` +
      `with each module's exported names, the routes from openapi.json and the dependencies), each file call that file's block. ` +
      `.json files are answered compact on one line in BOTH modes (the model is told to, the server formats them when saved), so ` +
      `openapi.json is ${openapi ? tokensOf(openapi) : '?'} tokens instead of the 2357 pretty-printed. Time: projects.create → the \`at\` ` +
      `of the stream's last file:complete event. Both versions end complete with the same files; tokens are versions.get ` +
      `usage.completionTokens, calls are the chat requests the fixture answered. The field-change row runs while the single ` +
      `call streams (both paced, FORGE_SANDBOX=skip, each its own in-memory database); the parallel run has the process to itself.`,
  );
}

function fieldChange(v1Files: FileMap): { prompt: string; project: OfflineProject } {
  for (const prompt of FIELD_CHANGES) {
    try {
      return { prompt, project: offlineProject(prompt, 2, v1Files) };
    } catch {
      // This wording writes no file with today's offline generator: try the next.
    }
  }
  throw new Error(`the offline generator wrote no file for any of ${JSON.stringify(FIELD_CHANGES)}`);
}

export async function measureFieldChange(features: ModelPathFeatures, rows: Row[], notes: string[]): Promise<void> {
  const v1 = offlineProject(TASKS_PROMPT);
  // The generator reads its own v1 (pretty .json) as the base; what the model answers is compact, as in row 1.
  const { prompt, project: change } = fieldChange(offlineProject(TASKS_PROMPT, 1, {}, true).files);
  const label = `add a field to one resource ("${prompt}", ${Object.keys(change.files).length} of ${Object.keys(v1.files).length} files)`;

  await withModelPathServer({ FORGE_SANDBOX: 'skip' }, async (server) => {
    const createV1 = () => server.run(FAST_PACE, v1Responder(v1), (caller) => caller.projects.create({ prompt: TASKS_PROMPT }));
    const wholeBase = expectComplete(await createV1(), 'the whole-file project\'s v1');
    const whole = expectComplete(
      await server.run(REALISTIC_PACE, v2Responder(singleCallAnswer(change)), (caller) =>
        caller.versions.create({ projectId: wholeBase.summary.projectId, prompt }),
      ),
      'the whole-file v2',
    );

    const editBase = expectComplete(await createV1(), 'the edit project\'s v1');
    if (!sameFiles(wholeBase.files, editBase.files)) throw new Error(`the two v1s differ: ${describeDifference(wholeBase.files, editBase.files)}`);
    // Hunks from the v1 as saved to the whole-file v2 as saved: what a model editing the files it was shown must reach.
    const answer = editAnswer(change, editBase.files, whole.files);
    const edited = expectComplete(
      await server.run(REALISTIC_PACE, v2Responder(answer), (caller) => caller.versions.create({ projectId: editBase.summary.projectId, prompt })),
      'the edit v2',
    );
    if (!sameFiles(whole.files, edited.files)) throw new Error(`the edit v2's files differ from the whole-file v2's: ${describeDifference(whole.files, edited.files)}`);
    const [editTokens, wholeTokens] = [outputTokens(edited), outputTokens(whole)];
    rows.push([`${label}: output tokens, edits vs whole files`, `${editTokens} vs ${wholeTokens} (${((100 * editTokens) / wholeTokens).toFixed(0)} %)`, '≤ 20 % of the whole-file tokens']);
    rows.push([`${label}: create → complete, edits vs whole files`, `${formatSeconds(edited.versionCompleteMs)} vs ${formatSeconds(whole.versionCompleteMs)}`, '-']);
  });
  notes.push(
    `Row "${label}": two projects get the same fast v1; each gets the v2 "${prompt}" at 80 tokens/s, one call, FORGE_SANDBOX=skip. ` +
      `Whole files: the offline generator's v2 answer (composeOfflineAnswer v2, base = its v1) for the files it changes ` +
      `(${Object.keys(change.files).join(', ')}; .json compact). Edits: the same <plan> and <summary>, and per file ` +
      `renderEditBlock(path, editHunksFromChange(v1 as saved, whole-file v2 as saved, 1 line of context)), written as the prompt ` +
      `allows: JSON hunks without indentation (the server formats JSON when it saves it), each kept indented only where that ` +
      `is needed to match one place. Both v2s must end complete with identical versions.files. Time: versions.create → the ` +
      `version:complete event's \`at\`; tokens: usage.completionTokens, which the fixture counts as characters / 4. The plan ` +
      `line and summary (the same in both) weigh more in the shorter edit answer.`,
  );
}
