import { describe, expect, it } from 'vitest';
import type { FileMap } from '@/types/versioning';
import { readStoredSchema } from '../schema/api-schema';
import { composeOfflineAnswer } from './compose-answer';
import { answer, applyAnswer, openApiRoutes, parseAnswer } from '@/test/offline-conversations';

const BOOKSTORE_PROMPT = 'A REST API for a bookstore with authors and books';
const plurals = (files: FileMap) => readStoredSchema(files)?.schema.resources.map((resource) => resource.plural);

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
      'src/models/authors.ts',
      'src/models/books.ts',
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

  it('lists every route in openapi.json and stores the schema under x-forge', () => {
    expect(JSON.parse(v1.written['openapi.json']!).openapi).toBe('3.1.0');
    expect(openApiRoutes(v1.written)).toEqual([
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
    expect(plurals(v1.written)).toEqual(['authors', 'books']);
  });

  it('sums up relations, features and what it did not build', () => {
    const result = answer('A bookstore API with authors, and books with title and price. Books belong to authors. Add JWT auth and use Postgres.');
    expect(result.summary).toContain('books with authorId (id of one of authors, required), title (string, required) and price (number)');
    expect(result.summary).toContain("Books belong to authors: authorId must name an existing author, and GET /authors/:id/books lists an author's books.");
    expect(result.summary).toContain('Features: JWT auth: POST /auth/token trades ADMIN_USERNAME and ADMIN_PASSWORD for an HS256 token');
    expect(result.summary).toContain('Not built: postgres.');
    expect(Object.keys(result.written)).toContain('src/middleware/auth.ts');
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

describe('composeOfflineAnswer: never silent about resources', () => {
  it('builds a resource named only as the subject of the title', () => {
    const result = answer('Recipes And Ingredients API: recipes have a title and cooking time');
    expect(openApiRoutes(result.written)).toContain('GET /ingredients');
    expect(result.summary).toContain('ingredients with name (string, required)');
  });

  it('builds every resource of a list after a colon', () => {
    const result = answer('Library API: members, loans, books. Books have a title and an isbn');
    expect(plurals(result.written)).toEqual(['members', 'loans', 'books']);
    expect(openApiRoutes(result.written)).toEqual(expect.arrayContaining(['GET /members', 'GET /loans', 'GET /books']));
  });

  it('says which resource-like nouns it did not build, and how to ask for them', () => {
    const asField = answer('A recipes API. Recipes have a title and ratings.');
    expect(asField.summary).toContain('I did not make a "ratings" resource (recipes have ratings as a field): say "add a ratings resource" if you want one.');
    const unread = answer('A blog API with posts. Users can leave comments.');
    expect(unread.summary).toContain('I did not make a "users" resource: say "add a users resource" if you want one.');
    expect(unread.summary).toContain('I did not make a "comments" resource: say "add a comments resource" if you want one.');
    // The suggested phrasing works.
    expect(plurals(applyAnswer(unread.written, answer('add a comments resource', unread.written)))).toEqual(['posts', 'comments']);
  });

  it.each([
    'A REST API for a bookstore with authors and books',
    'Recipes: title, cooking time. Ingredients: name, quantity.',
    'An API for:\n- members\n- loans\n- books (title, isbn)',
  ])('names every resource and feature it built: %j', (prompt) => {
    const result = answer(`${prompt}\nAdd pagination.`);
    const schema = readStoredSchema(result.written)!.schema;
    expect(schema.resources.length).toBeGreaterThan(1);
    for (const resource of schema.resources) expect(result.summary).toMatch(new RegExp(`(Resources: |; )${resource.plural} with `));
    expect(result.summary).toContain('pagination: list routes take ?page=');
  });
});

describe('composeOfflineAnswer: later versions', () => {
  it('adding a resource writes only the files it touches', () => {
    const v2 = answer('Add a reviews resource', v1.written);
    expect(v2.unexpected).toEqual([]);
    expect(v2.plan?.entries).toEqual([
      { path: 'src/models/reviews.ts', action: 'create' },
      { path: 'src/routes/reviews.ts', action: 'create' },
      { path: 'src/index.ts', action: 'modify' },
      { path: 'openapi.json', action: 'modify' },
      { path: 'README.md', action: 'modify' },
    ]);
    expect(Object.keys(v2.written)).toEqual(['src/models/reviews.ts', 'src/routes/reviews.ts', 'src/index.ts', 'openapi.json', 'README.md']);
    expect(v2.deleted).toEqual([]);
    expect(v2.summary).toBe(
      'Added reviews with rating (number, required) and comment (string). Created src/models/reviews.ts and src/routes/reviews.ts. Updated src/index.ts, openapi.json and README.md.',
    );
    // v1 plus the change is the project a first prompt naming all three resources gives.
    const direct = answer('A REST API for a bookstore with authors, books and reviews');
    expect(applyAnswer(v1.written, v2)).toEqual(direct.written);
  });

  it('removing a resource deletes its schema module and route files', () => {
    const v2 = answer('remove books', v1.written);
    expect(v2.deleted).toEqual(['src/models/books.ts', 'src/routes/books.ts']);
    expect(Object.keys(v2.written)).toEqual(['src/index.ts', 'openapi.json', 'README.md']);
    const files = applyAnswer(v1.written, v2);
    expect(files['src/index.ts']).not.toContain('books');
    expect(plurals(files)).toEqual(['authors']);
  });

  it('adding a field rewrites the schema module, openapi.json and README.md', () => {
    const v2 = answer('Add a price field to books', v1.written);
    expect(Object.keys(v2.written)).toEqual(['src/models/books.ts', 'openapi.json', 'README.md']);
    expect(v2.written['src/models/books.ts']).toContain('  price: z.number().optional(),\n');
    const v3 = answer('add isbn to books', applyAnswer(v1.written, v2));
    expect(v3.written['src/models/books.ts']).toContain('  price: z.number().optional(),\n  isbn: z.string().optional(),\n');
  });

  it('adding a feature writes its files and the ones that use it, and no others', () => {
    const v2 = answer('add JWT auth', v1.written);
    expect(v2.plan?.title).toBe('Add JWT auth');
    expect(v2.plan?.entries).toEqual([
      { path: 'src/lib/jwt.ts', action: 'create' },
      { path: 'src/middleware/auth.ts', action: 'create' },
      { path: 'src/routes/auth.ts', action: 'create' },
      { path: 'src/index.ts', action: 'modify' },
      { path: 'openapi.json', action: 'modify' },
      { path: 'README.md', action: 'modify' },
    ]);
    expect(v2.written['src/index.ts']).toContain('router.use(requireTokenForWrites);');
    const v3 = answer('remove JWT auth', applyAnswer(v1.written, v2));
    expect(v3.deleted).toEqual(['src/lib/jwt.ts', 'src/middleware/auth.ts', 'src/routes/auth.ts']);
    expect(applyAnswer(applyAnswer(v1.written, v2), v3)).toEqual(v1.written);
  });

  it('relating resources rewrites both ends: the child checks ids and lists under the parent, the parent guards deletes', () => {
    const v2 = answer('books belong to authors', v1.written);
    expect(Object.keys(v2.written)).toEqual(['src/models/books.ts', 'src/routes/authors.ts', 'src/routes/books.ts', 'openapi.json', 'README.md']);
    expect(v2.written['src/routes/books.ts']).toContain("router.get('/authors/:id/books'");
    expect(v2.written['src/routes/authors.ts']).toContain('checkUnreferenced(params.id);');
    expect(v2.summary).toContain("Books belong to authors: authorId must name an existing author, and GET /authors/:id/books lists an author's books.");
  });

  it('carries out several changes of one prompt in one version', () => {
    const v2 = answer('remove books and add reviews', v1.written);
    expect(v2.plan?.title).toBe('Remove books, add reviews');
    expect(v2.deleted).toEqual(['src/models/books.ts', 'src/routes/books.ts']);
    expect(plurals(applyAnswer(v1.written, v2))).toEqual(['authors', 'reviews']);
    expect(v2.summary).toMatch(/^Removed books and its routes\. Added reviews with rating/);
  });

  it('renaming a resource moves its files', () => {
    const v2 = answer('rename books to titles', v1.written);
    expect(v2.deleted).toEqual(['src/models/books.ts', 'src/routes/books.ts']);
    expect(Object.keys(v2.written)).toEqual(['src/models/titles.ts', 'src/routes/titles.ts', 'src/index.ts', 'openapi.json', 'README.md']);
  });

  it('rewrites every file that differs when the base was written by an older renderer', () => {
    const document = JSON.parse(v1.written['openapi.json']!);
    delete document['x-forge'].renderRevision;
    const old = { ...v1.written, 'openapi.json': JSON.stringify(document), 'src/lib/router.ts': '// an older router\n' };
    const v2 = answer('Add a price field to books', old);
    expect(Object.keys(v2.written)).toEqual(['src/lib/router.ts', 'src/models/books.ts', 'openapi.json', 'README.md']);
    expect(v2.written['src/lib/router.ts']).toBe(v1.written['src/lib/router.ts']);
    expect(answer('remove books', old).deleted).toEqual(['src/models/books.ts', 'src/routes/books.ts']);
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
