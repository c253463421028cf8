// Syntax tokens for a file that grows at its end, without tokenizing the whole file on every frame
// of the typing animation. The lines before a "safe" line boundary are kept from the last call and
// only the text after it is tokenized again. A boundary is safe when no token can span it: any line
// start in JSON (its strings are single-line), and elsewhere the start of a line after a blank line,
// which in practice never falls inside a comment or a template string. Pure (Prism only).
import { normalizeTokens, Prism, type Token } from 'prism-react-renderer';

/**
 * Complete lines tokenized again at the end: the part a new chunk can still change. In JSON only the
 * line before the one being written (a key's colon may follow on the next line); elsewhere a margin
 * for the tokens a blank line cannot be trusted to end. Each typing step tokenizes these again, so in
 * a long JSON file the short tail keeps a step's work to the text that arrived. edited-tokens.ts keeps
 * the same margin on either side of a change in the middle of a file.
 */
export function retokenizedTailLines(language: string): number {
  return language === 'json' ? 1 : 40;
}

export interface TokenCache {
  language: string;
  /** A prefix of the code ending right after a newline, at a safe boundary. */
  text: string;
  /**
   * The tokens of `text`'s lines (without the empty line after its final newline): the first
   * `lineCount` entries. The array may go on with lines after them; it is never changed.
   */
  lines: readonly Token[][];
  lineCount: number;
}

export const EMPTY_TOKEN_CACHE: TokenCache = { language: '', text: '', lines: [], lineCount: 0 };

/** Prism's tokens for text starting at a line start, as prism-react-renderer's <Highlight> makes them. */
export function tokenizeLines(text: string, language: string): Token[][] {
  const grammar = Prism.languages[language];
  return normalizeTokens(grammar ? Prism.tokenize(text, grammar) : [text]);
}

/**
 * The code's lines as tokens, reusing `cache` for the prefix it covers when the code still starts
 * with it, and the cache to pass next time: it moves forward to the last safe boundary that leaves
 * retokenizedTailLines complete lines after it.
 */
export function tokenizeWithCache(code: string, language: string, cache: TokenCache): { lines: Token[][]; cache: TokenCache } {
  const reusable = cache.language === language && cache.text.length > 0 && code.startsWith(cache.text);
  const kept: TokenCache = reusable ? cache : { ...EMPTY_TOKEN_CACHE, language };
  const tail = code.slice(kept.text.length);
  const tailLines = tokenizeLines(tail, language);
  // One copy of the kept lines per call, shared with the next cache: the cache reads only its prefix.
  const lines: Token[][] = new Array(kept.lineCount + tailLines.length);
  for (let index = 0; index < kept.lineCount; index++) lines[index] = kept.lines[index]!;
  for (let index = 0; index < tailLines.length; index++) lines[kept.lineCount + index] = tailLines[index]!;

  // The new boundary lies in the tail, whose lines are already tokenized: the latest newline that
  // leaves enough lines after it and starts a safe boundary.
  const newlines: number[] = [];
  for (let index = tail.indexOf('\n'); index !== -1; index = tail.indexOf('\n', index + 1)) newlines.push(index);
  const anyLineIsSafe = language === 'json';
  for (let line = newlines.length - 1 - retokenizedTailLines(language); line >= 0; line--) {
    const newline = newlines[line]!;
    if (!anyLineIsSafe && tail[newline - 1] !== '\n') continue;
    // A slice of the code, not kept text + moved text: V8 would copy that concatenation whole on
    // the next startsWith, once per typing step.
    const text = code.slice(0, kept.text.length + newline + 1);
    return { lines, cache: { language, text, lines, lineCount: kept.lineCount + line + 1 } };
  }
  return { lines, cache: kept };
}

/**
 * tokenizeWithCache with the cache kept inside: one per file view, asked for each version of the
 * text as it grows. A memo only: any call gives the tokens of exactly the text it is given.
 */
export function createGrowingTokenizer(): { linesOf(code: string, language: string): Token[][] } {
  let cache = EMPTY_TOKEN_CACHE;
  return {
    linesOf(code, language) {
      const result = tokenizeWithCache(code, language, cache);
      cache = result.cache;
      return result.lines;
    },
  };
}

/** A few lines in each language generated APIs are mostly written in: enough to run each grammar's patterns once. */
export const WARM_UP_SAMPLES: Readonly<Record<string, string>> = {
  typescript: [
    "import { readBody, type Handler } from './http';",
    '// Lists the items, newest first.',
    'export const listItems: Handler = async (request: Request): Promise<Response> => {',
    '  const limit = Number(new URL(request.url).searchParams.get("limit") ?? 20);',
    '  return Response.json({ items: [], limit, note: `at most ${limit}` }, { status: 200 });',
    '};',
  ].join('\n'),
  json: '{\n  "name": "api",\n  "version": "1.0.0",\n  "private": true,\n  "port": 3000,\n  "tags": ["a", null]\n}',
  markdown: '# Items API\n\n- `GET /items`: **lists** the items ([docs](./README.md))\n\n```ts\nconst port = 3000;\n```',
};

/**
 * Tokenizes WARM_UP_SAMPLES once. A grammar's first use compiles its regular expressions and runs
 * the tokenizer cold, several times slower than later calls (8 ms against 0.7 for 40 lines of
 * TypeScript, in Node); done while the page waits for the model, that cost stays out of the first
 * frames of the typing animation.
 */
export function warmUpTokenizer(): void {
  for (const [language, sample] of Object.entries(WARM_UP_SAMPLES)) tokenizeLines(sample, language);
}
