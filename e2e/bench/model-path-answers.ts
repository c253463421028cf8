// What the model-path bench's model says: the offline generator's project for a prompt, written the
// way the model is asked to write it (.json compact on one line), as one single-call answer, as a
// plan a model would write for parallel-files mode plus one block per file, or as a v2 change.
import { editHunksFromChange } from '../../src/generation/edits/edit-hunks-from-change';
import { renderEditBlock } from '../../src/generation/edits/render-edit-block';
import { applyEditHunk, locateEditHunk } from '../../src/generation/edits/apply-edit-hunk';
import type { EditHunk } from '../../src/generation/file-blocks/file-block-events';
import { composeOfflineAnswer } from '../../src/generation/offline/answer/compose-answer';
import type { FileMap } from '../../src/types/versioning';
import { fileContentStarts } from './bench-responder';

export interface OfflineProject {
  title: string;
  /** The files the answer writes, in the answer's order; .json files compact. */
  files: FileMap;
  /** `path action` entries of the answer's <plan>, in order. */
  actions: Record<string, 'create' | 'modify'>;
  summary: string;
  /** Paths the answer deletes (<delete path="..."/>). */
  deleted: string[];
}

/**
 * The model is told to write a .json file compact on one line (the server formats it when saved), so
 * every mode of the bench answers it so: the modes then compare the same output.
 */
export function compactJson(path: string, content: string): string {
  return path.endsWith('.json') ? JSON.stringify(JSON.parse(content)) : content;
}

/** The offline generator's answer to `prompt`, read into its parts; `asWritten` keeps .json as the generator formats it. */
export function offlineProject(prompt: string, versionNumber = 1, baseFiles: FileMap = {}, asWritten = false): OfflineProject {
  const text = composeOfflineAnswer({ versionNumber, prompt, baseFiles, history: [] });
  const plan = /<plan title="([^"]*)">([\s\S]*?)<\/plan>/.exec(text);
  if (!plan) throw new Error(`the offline generator's answer to "${prompt}" has no <plan>`);
  const actions: OfflineProject['actions'] = {};
  for (const entry of plan[2]!.split(';')) {
    const [path, action] = entry.trim().split(/\s+/);
    if (path && (action === 'create' || action === 'modify')) actions[path] = action;
  }
  const files: FileMap = {};
  for (const { path, start } of fileContentStarts(text)) {
    const content = text.slice(start, text.indexOf('</file>', start));
    files[path] = asWritten ? content : compactJson(path, content);
  }
  const deleted = [...text.matchAll(/<delete path="([^"]+)"\s*\/>/g)].map((match) => match[1]!);
  const summary = /<summary>([\s\S]*?)<\/summary>/.exec(text)?.[1] ?? '';
  if (Object.keys(files).length === 0) throw new Error(`the offline generator wrote no file for "${prompt}" (v${versionNumber})`);
  return { title: plan[1]!, files, actions, summary, deleted };
}

export const fileBlock = (path: string, content: string) => `<file path="${path}">\n${content}</file>\n`;

const planLine = (project: OfflineProject) =>
  `<plan title="${project.title}">${Object.keys(project.files)
    .map((path) => `${path} ${project.actions[path] ?? 'create'}`)
    .join('; ')}</plan>\n`;

/** The whole answer of one call, as the offline generator writes it (with compact .json). */
export function singleCallAnswer(project: OfflineProject): string {
  const blocks = Object.entries(project.files).map(([path, content]) => fileBlock(path, content));
  const deletes = project.deleted.map((path) => `<delete path="${path}"/>\n`);
  return `${planLine(project)}${deletes.join('')}${blocks.join('')}<summary>${project.summary}</summary>\n`;
}

/**
 * What a file is for, in a few words, as a planner writes it: the first sentence of its opening comment
 * (its head before ": " when that says enough), at most 9 words; or what its kind of file does.
 */
function jobOf(path: string, content: string): string {
  let comment = /^\/\/\s*(.+)$/m.exec(content)?.[1]?.split(/\.\s/)[0];
  if (comment) {
    const head = comment.split(': ')[0]!;
    if (head !== comment && head.split(/\s+/).length >= 3) comment = head;
    const words = comment.split(/\s+/).slice(0, 9);
    while (words.length > 1 && /^(the|a|an|and|or|for|of|to|on|in|so|as|with)$/i.test(words.at(-1)!.replace(/[.,:;]$/, ''))) words.pop();
    return words.join(' ').replace(/[.,:;]$/, '');
  }
  const byName: Record<string, string> = {
    'package.json': 'package manifest: scripts build and start, dependencies',
    'tsconfig.json': 'TypeScript compiler settings, src to dist',
    'openapi.json': 'OpenAPI 3.1 document of every route, schemas and examples',
    'README.md': 'how to install, run and call the API, with curl examples',
    '.gitignore': 'ignore node_modules and dist',
  };
  return byName[path.split('/').pop()!] ?? `the ${path} file`;
}

const EXPORTED = /^export\s+(?:default\s+)?(?:async\s+)?(?:const|let|function\*?|class|abstract\s+class|type|interface|enum)\s+(\w+)/gm;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Routes as "GET, POST /tasks" lines, from openapi.json's paths. */
function routesOf(openapi: string | undefined): string[] {
  if (openapi === undefined) return [];
  const paths = (JSON.parse(openapi) as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  const methods = (operations: Record<string, unknown>) => Object.keys(operations).filter((key) => HTTP_METHODS.includes(key));
  return Object.entries(paths).map(([path, operations]) => `${methods(operations).map((method) => method.toUpperCase()).join(', ')} ${path}`);
}

/**
 * The plan call's answer as a model would write it: one line per file, the longest first (so the
 * longest calls start first), then the interfaces every writer needs: each module's exported names,
 * the routes, the dependencies.
 */
export function realisticPlanAnswer(project: OfflineProject): string {
  const paths = Object.keys(project.files).sort((a, b) => project.files[b]!.length - project.files[a]!.length);
  const lines = paths.map((path) => `${path} ${project.actions[path] ?? 'create'} — ${jobOf(path, project.files[path]!)}`);
  lines.push(...project.deleted.map((path) => `${path} delete — no longer used`));
  const modules = paths
    .filter((path) => /\.tsx?$/.test(path))
    .map((path) => ({ path, names: [...project.files[path]!.matchAll(EXPORTED)].map((match) => match[1]!) }))
    .filter((module) => module.names.length > 0)
    .map((module) => `- ${module.path} exports ${module.names.join(', ')}`);
  const routes = routesOf(project.files['openapi.json']);
  const manifest = project.files['package.json'] ? (JSON.parse(project.files['package.json']) as Record<string, Record<string, string> | undefined>) : {};
  const dependencies = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {}).map((name) => `${name} (dev)`)];
  const interfaces = [
    'ES modules, TypeScript strict, relative imports end in .js.',
    ...modules,
    routes.length ? `Routes (JSON bodies, errors as { "error": message }):\n${routes.map((route) => `- ${route}`).join('\n')}` : '',
    dependencies.length ? `package.json dependencies: ${dependencies.join(', ')}` : '',
  ].filter(Boolean);
  return `<plan title="${project.title}">\n${lines.join('\n')}\n</plan>\n<interfaces>\n${interfaces.join('\n')}\n</interfaces>\n`;
}

/**
 * A v2 answered with edit blocks: the same plan line and summary as the whole-file answer, and per
 * changed file the SEARCH/REPLACE hunks that turn `before` into `after`, as a model that follows the
 * prompt writes them (one line of context, JSON without indentation). A file edits cannot describe
 * (new, or its final newline changes: editHunksFromChange answers null) is written whole, as a model must.
 */
export function editAnswer(project: OfflineProject, before: FileMap, after: FileMap): string {
  const blocks = Object.keys(project.files).flatMap((path) => {
    // One line of context, widened until the SEARCH text matches one place only: what the prompt asks for.
    const hunks = before[path] === undefined ? null : editHunksFromChange(before[path]!, after[path]!, 1);
    if (hunks === null) return [fileBlock(path, compactJson(path, after[path]!))];
    return hunks.length ? [renderEditBlock(path, path.endsWith('.json') ? unindentedJsonHunks(before[path]!, hunks) : hunks)] : [];
  });
  const deletes = project.deleted.map((path) => `<delete path="${path}"/>\n`);
  return `${planLine(project)}${deletes.join('')}${blocks.join('')}<summary>${project.summary}</summary>\n`;
}

/**
 * JSON hunks without their indentation, as the prompt allows (the server formats JSON when it saves
 * it): each hunk keeps its indentation only if, without it, its SEARCH text would match more than one place.
 */
function unindentedJsonHunks(content: string, hunks: EditHunk[]): EditHunk[] {
  const unindent = (section: string) => section.replace(/^[ \t]+/gm, '');
  let current = content;
  return hunks.map((hunk) => {
    const bare = { search: unindent(hunk.search), replace: unindent(hunk.replace) };
    const chosen = locateEditHunk(current, bare.search).ok ? bare : hunk;
    const applied = applyEditHunk(current, chosen);
    if (!applied.ok) throw new Error(`a hunk of the edit answer does not apply: ${applied.reason}`);
    current = applied.content;
    return chosen;
  });
}

export const tokensOf = (text: string) => Math.ceil(text.length / 4);
