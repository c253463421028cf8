// The offline generator's whole answer to one request, in the block format file-block-parser.ts
// reads: the stages run in order here, understand, plan, render, and the answer is put together.
// Pure and deterministic; offline-model.ts only paces the text out.
import type { GenerationRequest } from '../../ports';
import { readStoredSchema, type ApiSchema } from '../schema/api-schema';
import { capabilitiesMessage } from '../understand/capabilities';
import { changedFiles, type FileChanges } from './changed-files';
import { describeNounsLeftOut } from './describe-left-out';
import { describeRelation, describeResource, listWords } from '../schema/describe-schema';
import { describeFeature } from '../understand/feature-catalog';
import { capitalize } from '../inflect';
import { relationsOf } from '../schema/schema-relations';
import { deleteBlock, fileBlock, planBlock, summaryBlock } from '../render/output-format';
import { planFirstVersion } from '../plan/plan-first-version';
import { planIterations } from '../plan/plan-iteration';
import type { CreateIntent } from '../understand/prompt-intents';
import { renderProject, RENDER_REVISION } from '../render/render-project';
import { understandChangeCommands } from '../understand/understand-change-commands';
import { understandCreatePrompt } from '../understand/understand-create-prompt';

function quoted(prompt: string): string {
  const oneLine = prompt.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 160 ? `${oneLine.slice(0, 160)}...` : oneLine}"`;
}

function firstVersionSummary(schema: ApiSchema, intent: CreateIntent, notes: string[]): string {
  const plurals = schema.resources.map((resource) => resource.plural);
  const implied = intent.impliedBy ? ` You named no resources, so for a ${intent.impliedBy} it starts with ${listWords(plurals)}.` : '';
  const relations = relationsOf(schema).map((relation) => ` ${capitalize(describeRelation(relation))}.`).join('');
  const features = schema.features.length > 0 ? ` Features: ${schema.features.map(describeFeature).join('; ')}.` : '';
  const notBuilt =
    intent.unsupported.length > 0
      ? ` Not built: ${listWords(intent.unsupported)}. The offline generator builds resources, relations and the features above; connect a model (OPENAI_API_KEY) for more.`
      : '';
  const unclear = intent.unclear.length > 0 ? ` I did not follow ${listWords(intent.unclear.map(quoted))}, so it is not in the API.` : '';
  const leftOut = describeNounsLeftOut(schema, intent.nounsLeftOut ?? []).map((sentence) => ` ${sentence}`).join('');
  return (
    `Created ${schema.title}, a TypeScript API on node:http with zod validation.` +
    ` Resources: ${schema.resources.map(describeResource).join('; ')}.${implied}${relations}${features}` +
    ` Each resource has list, get, create, replace, update and delete routes, and GET /health answers { "status": "ok" }.` +
    ` Data is kept in memory. Run npm install && npm start; it serves on PORT (default 3000).` +
    `${notBuilt}${unclear}${leftOut}${notes.map((note) => ` ${note}`).join('')}`
  );
}

function firstVersionAnswer(prompt: string): string {
  const intent = understandCreatePrompt(prompt);
  const plan = intent && planFirstVersion(intent);
  if (!intent || !plan || plan.schema.resources.length === 0) {
    return summaryBlock(capabilitiesMessage(`I could not find any resources to build in ${quoted(prompt)}.`, true));
  }
  const files = Object.entries(renderProject(plan.schema));
  return (
    planBlock(plan.schema.title, files.map(([path]) => ({ path, action: 'create' }))) +
    files.map(([path, content]) => fileBlock(path, content)).join('') +
    summaryBlock(firstVersionSummary(plan.schema, intent, plan.notes))
  );
}

function filesSentence(changes: FileChanges): string {
  const created = changes.written.filter((file) => file.action === 'create').map((file) => file.path);
  const modified = changes.written.filter((file) => file.action === 'modify').map((file) => file.path);
  return [
    created.length > 0 ? `Created ${listWords(created)}.` : '',
    modified.length > 0 ? `Updated ${listWords(modified)}.` : '',
    changes.deleted.length > 0 ? `Deleted ${listWords(changes.deleted)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function nextVersionAnswer(request: GenerationRequest): string {
  const stored = readStoredSchema(request.baseFiles);
  if (!stored) {
    return summaryBlock(
      capabilitiesMessage(
        "The base version's openapi.json has no x-forge model, so it was not made by the offline generator, " +
          'which can only change APIs it generated itself.',
        false,
      ),
    );
  }
  const intents = understandChangeCommands(request.prompt);
  if (!intents) return summaryBlock(capabilitiesMessage(`I did not understand ${quoted(request.prompt)}.`, false));
  const plan = planIterations(stored.schema, intents);
  if (plan.kind === 'refusal') return summaryBlock(plan.message);

  const sameRenderer = stored.renderRevision === RENDER_REVISION;
  const changes = changedFiles(request.baseFiles, renderProject(stored.schema), renderProject(plan.schema), sameRenderer);
  if (changes.written.length === 0 && changes.deleted.length === 0) {
    return summaryBlock(`${plan.description} The files already had this change, so none were rewritten.`);
  }
  const entries = [
    ...changes.written.map(({ path, action }) => ({ path, action })),
    ...changes.deleted.map((path) => ({ path, action: 'delete' as const })),
  ];
  return (
    planBlock(plan.title, entries) +
    changes.written.map((file) => fileBlock(file.path, file.content)).join('') +
    changes.deleted.map(deleteBlock).join('') +
    summaryBlock(`${plan.description} ${filesSentence(changes)}`)
  );
}

export function composeOfflineAnswer(request: GenerationRequest): string {
  return Object.keys(request.baseFiles).length === 0 ? firstVersionAnswer(request.prompt) : nextVersionAnswer(request);
}
