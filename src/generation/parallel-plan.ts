// Parallel-files mode (several files generated at once): the plan a first, short
// call returns, and the prompts that then write each file on its own. Pure.
import type { FileMap } from '@/types/versioning';
import type { GenerationRequest } from './ports';
import { describeBaseFiles, GENERATED_API_CONTRACT, type PromptMessage } from './prompts';
import { checkSafePath } from '@/shared/safe-path';

export interface PlannedFile {
  path: string;
  action: 'create' | 'modify' | 'delete';
  responsibility: string;
}

export interface ParallelPlan {
  title: string;
  files: PlannedFile[];
  /** Shared types, function signatures and routes every file must agree on. */
  interfaces: string;
}

const MAX_PLANNED_FILES = 100;

const PLAN_FORMAT = `Answer ONLY with these two blocks, no markdown fences:
<plan title="2-4 word title">
path/one.ts create — what this file is responsible for
path/two.ts modify — what changes in it
path/old.ts delete — why it goes
</plan>
<interfaces>
The shared contract every file must follow: for each module its exported names with their signatures
and the types they exchange, module paths as they are imported, the routes with their methods and
bodies, and package.json dependencies with versions.
</interfaces>
List the longest files first (openapi.json, routers, stores): they are started first.`;

export function buildPlanMessages(request: GenerationRequest, baseFilesTokens = 24_000): PromptMessage[] {
  const base = Object.keys(request.baseFiles).length ? describeBaseFiles(request.baseFiles, baseFilesTokens).text : '';
  return [
    {
      role: 'system',
      content:
        'You plan HTTP APIs that other writers will implement file by file, in parallel, without seeing each other. ' +
        `List every file to create, modify or delete, and the interfaces that keep them consistent.\n\n${GENERATED_API_CONTRACT}\n\n${PLAN_FORMAT}`,
    },
    { role: 'user', content: base ? `Current files:\n${base}\n\nREQUEST: ${request.prompt}` : request.prompt },
  ];
}

const PLAN_LINE = /^\s*(\S+)\s+(create|modify|delete)\b\s*(?:[—–:-]+\s*(.*))?$/i;

/** Reads the plan call's answer; unsafe or duplicate paths are dropped. */
export function readParallelPlan(text: string): ParallelPlan {
  const planMatch = /<plan(?:\s+title=["']([^"']*)["'])?\s*>([\s\S]*?)<\/plan>/i.exec(text);
  const interfaces = /<interfaces>([\s\S]*?)<\/interfaces>/i.exec(text)?.[1]?.trim() ?? '';
  const files: PlannedFile[] = [];
  const seen = new Set<string>();
  for (const line of (planMatch?.[2] ?? '').split(/\n|;/)) {
    const match = PLAN_LINE.exec(line);
    if (!match || files.length >= MAX_PLANNED_FILES) continue;
    const safe = checkSafePath(match[1]!);
    if (!safe.ok || seen.has(safe.path)) continue;
    seen.add(safe.path);
    files.push({ path: safe.path, action: match[2]!.toLowerCase() as PlannedFile['action'], responsibility: (match[3] ?? '').trim() });
  }
  return { title: planMatch?.[1]?.trim() || 'Planned change', files, interfaces };
}

/** The plan as the <plan> block the parser and the viewer understand. */
export function renderPlanBlock(plan: ParallelPlan): string {
  const entries = plan.files.map((file) => `${file.path} ${file.action}`).join('; ');
  return `<plan title="${plan.title.replace(/"/g, "'")}">${entries}</plan>\n`;
}

/** What every file call of one plan shares; it comes first, so a provider's prompt cache can reuse it. */
const FILE_WRITER_SYSTEM =
  `You write one file of an HTTP API while other writers write the rest in parallel. Follow the shared interfaces exactly.\n\n${GENERATED_API_CONTRACT}\n\n` +
  'Answer ONLY with the one file you are asked for, as <file path="its/path">\n...the whole file...\n</file>, and nothing else.';

export function buildFileMessages(request: GenerationRequest, plan: ParallelPlan, file: PlannedFile): PromptMessage[] {
  const current: string | undefined = (request.baseFiles as FileMap)[file.path];
  const files = plan.files.map((other) => `- ${other.path} (${other.action}): ${other.responsibility}`);
  return [
    { role: 'system', content: FILE_WRITER_SYSTEM },
    {
      role: 'user',
      content: [
        `REQUEST: ${request.prompt}`,
        `Shared interfaces:\n${plan.interfaces || '(none given)'}`,
        `The files of the plan:\n${files.join('\n')}`,
        current === undefined ? '' : `The current content of ${file.path}:\n<file path="${file.path}">\n${current}\n</file>`,
        `Write the complete file ${file.path}: ${file.responsibility || file.action}.`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    },
  ];
}
