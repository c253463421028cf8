// What the model is told (docs/architecture.md, "Model output"). Pure: request in, chat messages out.
// v2+ sends the base files IN FULL while they fit a budget: a model that sees only excerpts rewrites
// code it cannot see. And v2+ may answer with edit blocks, so an iteration costs its change, not the
// whole file.
import type { FileMap } from '@/types/versioning';
import type { ChatTurn, GenerationRequest } from './ports';

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export const GENERATED_API_CONTRACT = `The API you write must follow this contract, because it is installed, started and probed automatically:
- Node.js 20 with TypeScript. A package.json whose "npm start" serves the API on process.env.PORT, on process.env.HOST when it is set (build in "prestart" or "build" if you compile).
- GET /health answers 200 with {"status":"ok"}.
- Every route is listed in an openapi.json (OpenAPI 3.1) at the project root.
- Keep dependencies few and pinned to exact versions; no native modules, no install scripts.
- Validate request bodies; answer bad input with 400 and a JSON error, unknown ids with 404, never crash on input.`;

export const OUTPUT_FORMAT = `Answer ONLY in this format, with no markdown fences:
<plan title="2-4 word title">path/one.ts create; path/two.ts modify; path/old.ts delete</plan>
<file path="relative/path.ts">
...the whole file content...
</file>
<delete path="relative/old.ts"/>
<summary>What you changed and why, in a few sentences for the chat.</summary>
Paths are relative to the project root, use forward slashes, and never start with / or contain "..".
Write .json files compact, on one line: they are formatted when they are saved.`;

/** How an iteration changes part of a file without writing all of it (file-blocks/, the <edit> block). */
export const EDIT_FORMAT = `To change a few places in an existing file, write an edit block instead of the whole file:
<edit path="relative/path.ts">
<<<<<<< SEARCH
the current lines to replace, copied exactly, with enough lines to match one place only
=======
the lines that replace them
>>>>>>> REPLACE
</edit>
One edit block may hold several SEARCH/REPLACE hunks, in file order; an empty REPLACE deletes the lines.
In a .json file the hunks may leave out indentation: JSON files are formatted when they are saved.
Write a file whole, in a <file> block, when you create it or change most of it.`;

export function systemPrompt(versionNumber: number): string {
  if (versionNumber === 1) {
    return `You write complete, runnable HTTP APIs from a description. Write every file the project needs.\n\n${GENERATED_API_CONTRACT}\n\n${OUTPUT_FORMAT}`;
  }
  const task =
    'You change an existing HTTP API as requested. Write ONLY the files you create, modify or delete; ' +
    'files you do not mention stay as they are.';
  return `${task}\n\n${GENERATED_API_CONTRACT}\n\n${OUTPUT_FORMAT}\n\n${EDIT_FORMAT}`;
}

/** A rough token count (4 characters a token), enough to keep the context inside a budget. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** One line per file the budget could not hold: what it is, so the model knows not to recreate it. */
function summariseFile(path: string, content: string): string {
  const exported = [...content.matchAll(/export\s+(?:default\s+)?(?:async\s+)?(?:function|const|class|interface|type)\s+(\w+)/g)]
    .map((match) => match[1])
    .slice(0, 12);
  const lines = content.split('\n').length;
  return `- ${path} (${lines} lines${exported.length ? `; exports ${exported.join(', ')}` : ''})`;
}

/**
 * Base files for the prompt: whole files, smallest first so more of them fit, then a summary line for
 * each file beyond the budget.
 */
export function describeBaseFiles(files: FileMap, tokenBudget: number): { text: string; fullFiles: string[]; summarised: string[] } {
  const paths = Object.keys(files).sort((a, b) => files[a]!.length - files[b]!.length || a.localeCompare(b));
  const full: string[] = [];
  const summarised: string[] = [];
  let used = 0;
  for (const path of paths) {
    const block = `<file path="${path}">\n${files[path]}\n</file>`;
    const cost = estimateTokens(block);
    if (used + cost <= tokenBudget) {
      full.push(path);
      used += cost;
    } else {
      summarised.push(path);
    }
  }
  full.sort();
  summarised.sort();
  const sections = [full.map((path) => `<file path="${path}">\n${files[path]}\n</file>`).join('\n')];
  if (summarised.length) {
    sections.push(
      `These files also exist but are not shown in full (do not rewrite them unless the request needs it):\n` +
        summarised.map((path) => summariseFile(path, files[path]!)).join('\n'),
    );
  }
  return { text: sections.join('\n\n'), fullFiles: full, summarised };
}

function describeHistory(history: ChatTurn[], maxChars: number): string {
  const lines: string[] = [];
  let used = 0;
  for (const turn of [...history].reverse()) {
    const line = `${turn.role}: ${turn.content.length > 600 ? `${turn.content.slice(0, 600)}…` : turn.content}`;
    if (used + line.length > maxChars) break;
    lines.unshift(line);
    used += line.length;
  }
  return lines.join('\n');
}

export interface PromptBudget {
  /** Tokens the base files may take in a v2+ prompt. */
  baseFilesTokens: number;
  historyChars: number;
}

export const DEFAULT_PROMPT_BUDGET: PromptBudget = { baseFilesTokens: 24_000, historyChars: 4_000 };

/**
 * The prompt, most stable part first so that providers' automatic prompt caching applies to
 * iterations, continuations and re-requests: the system prompt, then the base files in path order,
 * then the recent chat, then the request.
 */
export function buildPromptMessages(request: GenerationRequest, budget: PromptBudget = DEFAULT_PROMPT_BUDGET): PromptMessage[] {
  const system: PromptMessage = { role: 'system', content: systemPrompt(request.versionNumber) };
  if (Object.keys(request.baseFiles).length === 0) {
    return [system, { role: 'user', content: request.prompt }];
  }
  const base = describeBaseFiles(request.baseFiles, budget.baseFilesTokens);
  const history = describeHistory(request.history, budget.historyChars);
  const user = [
    'The current version of the API has these files:',
    base.text,
    history ? `Recent conversation:\n${history}` : '',
    `USER REQUEST: ${request.prompt}`,
    'Write only the files you create, modify or delete (whole, or as edit blocks), then the summary.',
    request.rewrite ? describeRewrite(request.rewrite.files) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return [system, { role: 'user', content: user }];
}

/** The follow-up after edits that did not apply: those files again, whole. */
function describeRewrite(files: Array<{ path: string; reason: string }>): string {
  return [
    'Your edit blocks for these files did not apply to the current files:',
    ...files.map((file) => `- ${file.path}: ${file.reason}`),
    'Write each of them again IN FULL, as a <file> block with the requested change made, and nothing else but the summary.',
  ].join('\n');
}
