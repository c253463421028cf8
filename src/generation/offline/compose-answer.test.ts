import { describe, expect, it } from 'vitest';
import type { FileMap } from '@/types/versioning';
import { createFileBlockParser, type ParsedBlockEvent } from '../file-block-parser';
import { readApiModel } from './api-model';
import { composeOfflineAnswer } from './compose-answer';

const BOOKSTORE_PROMPT = 'A REST API for a bookstore with authors and books';

interface ParsedAnswer {
  plan: Extract<ParsedBlockEvent, { kind: 'plan' }> | undefined;
  written: FileMap;
  deleted: string[];
  summary: string | undefined;
  /** Anything else: prose, rejected or truncated files. None is expected. */
  unexpected: ParsedBlockEvent[];
}

function parseAnswer(text: string): ParsedAnswer {
  const parser = createFileBlockParser();
  const answer: ParsedAnswer = { plan: undefined, written: {}, deleted: [], summary: undefined, unexpected: [] };
  for (const event of [...parser.push(text), ...parser.end()]) {
    if (event.kind === 'plan') answer.plan = event;
    else if (event.kind === 'file:end') answer.written[event.path] = event.content;
    else if (event.kind === 'delete') answer.deleted.push(event.path);
    else if (event.kind === 'summary') answer.summary = event.text;
    else if (event.kind !== 'file:start' && event.kind !== 'file:chunk') answer.unexpected.push(event);
  }
  return answer;
}

function answer(prompt: string, baseFiles: FileMap = {}): ParsedAnswer {
  return parseAnswer(composeOfflineAnswer({ versionNumber: Object.keys(baseFiles).length ? 2 : 1, prompt, baseFiles, history: [] }));
}

function applyAnswer(baseFiles: FileMap, result: ParsedAnswer): FileMap {
  const files = { ...baseFiles, ...result.written };
  for (const path of result.deleted) delete files[path];
  return files;
}

const v1 = answer(BOOKSTORE_PROMPT);

describe('composeOfflineAnswer: first version', () => {
  it('writes the whole project, planned in the order it is streamed', () => {
    expect(v1.unexpected).toEqual([]);
    expect(Object.keys(v1.written)).toEqual([
      'package.json',
      'tsconfig.json',
      '.gitignore',
      'src/lib/http.ts',
      'src/lib/router.ts',
      'src/lib/memory-store.ts',
      'src/routes/authors.ts',
      'src/routes/books.ts',
      'src/index.ts',
      'openapi.json',
      'README.md',
    ]);
    expect(v1.plan?.title).toBe('Bookstore API');
    expect(v1.plan?.entries).toEqual(Object.keys(v1.written).map((path) => ({ path, action: 'create' })));
    expect(v1.summary).toContain('Resources: authors with name (string, required) and bio (string); books with title (string, required)');
  });

  it('writes a package.json that installs and starts with npm alone', () => {
    const manifest = JSON.parse(v1.written['package.json']!);
    expect(manifest.scripts).toEqual({ build: 'tsc -p .', prestart: 'npm run build', start: 'node dist/index.js' });
    expect(manifest.dependencies).toEqual({ zod: '4.6.7' });
    expect(manifest.devDependencies).toEqual({ '@types/node': '20.19.25', typescript: '5.9.3' });
  });

  it('mounts every resource and the health check, serving on PORT', () => {
    const index = v1.written['src/index.ts']!;
    expect(index).toContain("router.get('/health'");
    expect(index).toContain('registerAuthorRoutes(router);');
    expect(index).toContain('registerBookRoutes(router);');
    expect(index).toContain('process.env.PORT ?? 3000');
  });

  it('lists every route in openapi.json and stores the model under x-forge', () => {
    const document = JSON.parse(v1.written['openapi.json']!);
    expect(document.openapi).toBe('3.1.0');
    const routes = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== 'parameters')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual([
      'GET /health',
      'GET /authors',
      'POST /authors',
      'GET /authors/{id}',
      'PUT /authors/{id}',
      'PATCH /authors/{id}',
      'DELETE /authors/{id}',
      'GET /books',
      'POST /books',
      'GET /books/{id}',
      'PUT /books/{id}',
      'PATCH /books/{id}',
      'DELETE /books/{id}',
    ]);
    expect(readApiModel(v1.written)?.resources.map((resource) => resource.plural)).toEqual(['authors', 'books']);
  });

  it('gives the same text for the same request', () => {
    const request = { versionNumber: 1, prompt: BOOKSTORE_PROMPT, baseFiles: {}, history: [] };
    expect(composeOfflineAnswer(request)).toBe(composeOfflineAnswer({ ...request, history: [{ role: 'user' as const, content: 'hi' }] }));
  });

  it('answers a prompt without resources with what it can do, and no files', () => {
    const result = answer('make me something cool');
    expect(result.plan).toBeUndefined();
    expect(result.written).toEqual({});
    expect(result.summary).toContain('I could not find any resources to build in "make me something cool".');
    expect(result.summary).toContain('"A REST API for a bookstore with authors and books"');
    expect(result.summary).toContain('OPENAI_API_KEY');
    expect(result.summary).toContain('OPENAI_BASE_URL');
  });
});

describe('composeOfflineAnswer: later versions', () => {
  it('adding a resource writes only the files it touches', () => {
    const v2 = answer('Add a reviews resource', v1.written);
    expect(v2.unexpected).toEqual([]);
    expect(v2.plan?.entries).toEqual([
      { path: 'src/routes/reviews.ts', action: 'create' },
      { path: 'src/index.ts', action: 'modify' },
      { path: 'openapi.json', action: 'modify' },
      { path: 'README.md', action: 'modify' },
    ]);
    expect(Object.keys(v2.written)).toEqual(['src/routes/reviews.ts', 'src/index.ts', 'openapi.json', 'README.md']);
    expect(v2.deleted).toEqual([]);
    expect(v2.summary).toBe(
      'Added reviews with rating (number, required) and comment (string). Created src/routes/reviews.ts. Updated src/index.ts, openapi.json and README.md.',
    );
    // v1 plus the change is the project a first prompt naming all three resources gives.
    const direct = answer('A REST API for a bookstore with authors, books and reviews');
    expect(applyAnswer(v1.written, v2)).toEqual(direct.written);
  });

  it('removing a resource deletes its route file', () => {
    const v2 = answer('remove books', v1.written);
    expect(v2.deleted).toEqual(['src/routes/books.ts']);
    expect(Object.keys(v2.written)).toEqual(['src/index.ts', 'openapi.json', 'README.md']);
    const files = applyAnswer(v1.written, v2);
    expect(files['src/index.ts']).not.toContain('books');
    expect(readApiModel(files)?.resources.map((resource) => resource.plural)).toEqual(['authors']);
  });

  it('adding a field rewrites the resource, openapi.json and README.md', () => {
    const v2 = answer('Add a price field to books', v1.written);
    expect(Object.keys(v2.written)).toEqual(['src/routes/books.ts', 'openapi.json', 'README.md']);
    expect(v2.written['src/routes/books.ts']).toContain('  price: z.number().optional(),\n');
    const v3 = answer('add isbn to books', applyAnswer(v1.written, v2));
    expect(v3.written['src/routes/books.ts']).toContain('  price: z.number().optional(),\n  isbn: z.string().optional(),\n');
  });

  it('leaves files the change does not touch as the base has them', () => {
    const edited = { ...v1.written, 'src/lib/router.ts': '// edited by hand\n', 'notes.txt': 'mine\n' };
    const v2 = answer('add reviews', edited);
    expect(Object.keys(v2.written)).not.toContain('src/lib/router.ts');
    expect(applyAnswer(edited, v2)['notes.txt']).toBe('mine\n');
  });

  it('answers a request it does not understand with only a summary', () => {
    const text = composeOfflineAnswer({ versionNumber: 2, prompt: 'make it faster', baseFiles: v1.written, history: [] });
    expect(text).not.toContain('<file');
    expect(text).not.toContain('<plan');
    const result = parseAnswer(text);
    expect(result.summary).toContain('I did not understand "make it faster".');
    expect(result.summary).toContain('"Add a reviews resource"');
    expect(result.summary).toContain('OPENAI_API_KEY');
  });

  it('answers a change it cannot make with only the reason', () => {
    const result = answer('remove movies', v1.written);
    expect(result.written).toEqual({});
    expect(result.summary).toBe('The API has no movies resource. Its resources are authors and books.');
  });

  it('does not touch a base it did not generate', () => {
    const foreignBases: FileMap[] = [{ 'index.js': 'x' }, { 'openapi.json': '{"openapi":"3.1.0","paths":{}}' }, { 'openapi.json': 'not json' }];
    for (const baseFiles of foreignBases) {
      const result = answer('Add a reviews resource', baseFiles);
      expect(result.written).toEqual({});
      expect(result.summary).toContain('no x-forge model');
    }
  });
});
