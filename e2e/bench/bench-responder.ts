// What the bench's model says: the offline generator's real answer to the request the server sent,
// recovered from the OpenAI messages (src/generation/prompts.ts), or a scripted answer.
//
// Markers in a prompt steer the fixture and are removed before the generator sees the prompt:
//   [bench:KEY]    names the fixture's recording of this request (default: req-<n>)
//   [pace:NAME]    realistic (default) | fast | load
//   [script:NAME]  answer with the text registered under NAME instead of the offline generator
import { composeOfflineAnswer } from '../../src/generation/offline/answer/compose-answer';
import type { GenerationRequest } from '../../src/generation/ports';
import type { FileMap } from '../../src/types/versioning';
import type { ChatBody, FixtureAnswer, Pace } from './timed-fixture';

/** 80 tokens/s: 4 characters (one token) a chunk, every 12.5 ms, first token after 400 ms. */
export const REALISTIC_PACE: Pace = { chunkSize: 4, chunkDelayMs: 12.5, firstTokenDelayMs: 400 };
/** Setup versions that must not take long. */
export const FAST_PACE: Pace = { chunkSize: 8192, chunkDelayMs: 0, firstTokenDelayMs: 0 };
/**
 * The load step: 5x realistic per stream (4 characters every 2.5 ms = 400 tokens/s), so the 4 streams
 * the embedded queue runs at once carry the characters and chunks of 20 streams at 80 tokens/s.
 */
export const LOAD_PACE: Pace = { chunkSize: 4, chunkDelayMs: 2.5, firstTokenDelayMs: 400 };

const PACES: Record<string, Pace> = { realistic: REALISTIC_PACE, fast: FAST_PACE, load: LOAD_PACE };

const MARKER = /\s*\[(bench|pace|script):([^\]\s]+)\]/g;
const USER_REQUEST = 'USER REQUEST: ';
const REQUEST_TAIL = '\n\nWrite only the files you create, modify or delete';

export function withMarkers(prompt: string, markers: { key?: string; pace?: keyof typeof PACES; script?: string }): string {
  return [
    prompt,
    markers.key ? `[bench:${markers.key}]` : '',
    markers.pace ? `[pace:${markers.pace}]` : '',
    markers.script ? `[script:${markers.script}]` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function readMarkers(prompt: string): { clean: string; markers: Record<string, string> } {
  const markers: Record<string, string> = {};
  for (const match of prompt.matchAll(MARKER)) markers[match[1]!] = match[2]!;
  return { clean: prompt.replace(MARKER, '').trim(), markers };
}

/** `<file path="...">\ncontent\n</file>` blocks as prompts.ts's describeBaseFiles writes them. */
function readBaseFiles(text: string): FileMap {
  const files: FileMap = {};
  const block = /<file path="([^"]+)">\n([\s\S]*?)\n<\/file>(?=\n<file path="|\n\n|$)/g;
  for (const match of text.matchAll(block)) files[match[1]!] = match[2]!;
  return files;
}

/** The GenerationRequest behind the messages prompts.ts built (history is not needed by the generator). */
export function recoverGenerationRequest(body: ChatBody): GenerationRequest {
  const user = [...body.messages].reverse().find((message) => message.role === 'user');
  if (!user) throw new Error('the request has no user message');
  const at = user.content.lastIndexOf(USER_REQUEST);
  if (at === -1) return { versionNumber: 1, prompt: user.content, baseFiles: {}, history: [] };
  let prompt = user.content.slice(at + USER_REQUEST.length);
  const tail = prompt.lastIndexOf(REQUEST_TAIL);
  if (tail !== -1) prompt = prompt.slice(0, tail);
  const previous = /The current version \(v(\d+)/.exec(user.content);
  return {
    versionNumber: previous ? Number(previous[1]) + 1 : 2,
    prompt,
    baseFiles: readBaseFiles(user.content.slice(0, at)),
    history: [],
  };
}

export interface BenchResponder {
  respond(body: ChatBody): FixtureAnswer;
  /** Registers a scripted answer, used by prompts marked [script:NAME]. */
  script(name: string, text: string): void;
  /** Base-file counts the generator was given, by key (to check the prompt was read back fully). */
  readonly baseFileCounts: Map<string, number>;
}

export function createBenchResponder(): BenchResponder {
  const scripts = new Map<string, string>();
  const baseFileCounts = new Map<string, number>();
  let anonymous = 0;
  return {
    baseFileCounts,
    script(name, text) {
      scripts.set(name, text);
    },
    respond(body) {
      const request = recoverGenerationRequest(body);
      const { clean, markers } = readMarkers(request.prompt);
      const key = markers.bench ?? `req-${++anonymous}`;
      const pace = PACES[markers.pace ?? 'realistic'];
      if (!pace) throw new Error(`unknown pace "${markers.pace}"`);
      baseFileCounts.set(key, Object.keys(request.baseFiles).length);
      if (markers.script) {
        const text = scripts.get(markers.script);
        if (text === undefined) throw new Error(`no scripted answer "${markers.script}"`);
        return { key, text, pace };
      }
      return { key, text: composeOfflineAnswer({ ...request, prompt: clean }), pace };
    },
  };
}

/**
 * An answer in the output format the model is asked for (src/generation/prompts.ts): a <plan>, one
 * <file> block per file, a <summary>. It writes `files`, for scripted versions.
 */
export function scriptedAnswer(title: string, files: FileMap, summary: string, action: 'create' | 'modify' = 'modify'): string {
  const paths = Object.keys(files);
  return (
    `<plan title="${title}">${paths.map((path) => `${path} ${action}`).join('; ')}</plan>\n` +
    paths.map((path) => `<file path="${path}">\n${files[path]}</file>\n`).join('') +
    `<summary>${summary}</summary>\n`
  );
}

/**
 * Where each file's content starts in an answer text, in order of appearance: the parser drops
 * exactly one newline after the opening tag (file-block-parser.ts).
 */
export function fileContentStarts(text: string): Array<{ path: string; start: number }> {
  const starts: Array<{ path: string; start: number }> = [];
  const opening = /<file path="([^"]+)">/g;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    let start = match.index + match[0].length;
    if (text.startsWith('\r\n', start)) start += 2;
    else if (text[start] === '\n') start += 1;
    starts.push({ path: match[1]!, start });
    const close = text.indexOf('</file>', start);
    if (close === -1) break;
    opening.lastIndex = close;
  }
  return starts;
}
