// The offline generator's whole answer to one request, in the DESIGN §7 format. Pure and
// deterministic; offline-model.ts only paces the text out.
import type { GenerationRequest } from '../ports';
import { readApiModel, type ApiModel } from './api-model';
import { capabilitiesMessage } from './capabilities';
import { changedFiles, type FileChanges } from './changed-files';
import { describeResource, listWords } from './describe-model';
import { deleteBlock, fileBlock, planBlock, summaryBlock } from './output-format';
import { planFirstVersion, planIteration } from './plan-iteration';
import { renderProject } from './render-project';
import { understandChangePrompt, understandCreatePrompt, type CreateIntent } from './understand-prompt';

function quoted(prompt: string): string {
  const oneLine = prompt.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 160 ? `${oneLine.slice(0, 160)}...` : oneLine}"`;
}

function firstVersionSummary(model: ApiModel, intent: CreateIntent): string {
  const plurals = model.resources.map((resource) => resource.plural);
  const implied = intent.impliedBy ? ` You named no resources, so for a ${intent.impliedBy} it starts with ${listWords(plurals)}.` : '';
  const notBuilt =
    intent.ignored.length > 0
      ? ` Not built: ${listWords(intent.ignored)}. The offline generator only scaffolds CRUD resources; connect a model (OPENAI_API_KEY) for more.`
      : '';
  return (
    `Created ${model.title}, a TypeScript API on node:http with zod validation.` +
    ` Resources: ${model.resources.map(describeResource).join('; ')}.${implied}` +
    ` Each resource has list, get, create, replace, update and delete routes, and GET /health answers { "status": "ok" }.` +
    ` Data is kept in memory. Run npm install && npm start; it serves on PORT (default 3000).${notBuilt}`
  );
}

function firstVersionAnswer(prompt: string): string {
  const intent = understandCreatePrompt(prompt);
  const model = intent && planFirstVersion(intent);
  if (!intent || !model || model.resources.length === 0) {
    return summaryBlock(capabilitiesMessage(`I could not find any resources to build in ${quoted(prompt)}.`, true));
  }
  const files = Object.entries(renderProject(model));
  return (
    planBlock(model.title, files.map(([path]) => ({ path, action: 'create' }))) +
    files.map(([path, content]) => fileBlock(path, content)).join('') +
    summaryBlock(firstVersionSummary(model, intent))
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
  const base = readApiModel(request.baseFiles);
  if (!base) {
    return summaryBlock(
      capabilitiesMessage(
        "The base version's openapi.json has no x-forge model, so it was not made by the offline generator, " +
          'which can only change APIs it generated itself.',
        false,
      ),
    );
  }
  const intent = understandChangePrompt(request.prompt);
  if (!intent) return summaryBlock(capabilitiesMessage(`I did not understand ${quoted(request.prompt)}.`, false));
  const plan = planIteration(base, intent);
  if (plan.kind === 'refusal') return summaryBlock(plan.message);

  const changes = changedFiles(request.baseFiles, renderProject(base), renderProject(plan.model));
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
