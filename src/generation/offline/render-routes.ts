// One resource's CRUD route module of a generated API (src/routes/<plural>.ts), and the entry
// point that mounts every module (src/index.ts).
import type { ApiModel, FieldModel, ResourceModel } from './api-model';
import { capitalize, withArticle } from './inflect';

export function routeFilePath(resource: ResourceModel): string {
  return `src/routes/${resource.plural}.ts`;
}

/** The identifiers a resource's module exports and uses: books → registerBookRoutes, bookInput, BookInput. */
function codeNames(resource: ResourceModel) {
  const type = capitalize(resource.singular);
  return { register: `register${type}Routes`, schema: `${resource.singular}Input`, inputType: `${type}Input` };
}

function zodExpression(field: FieldModel): string {
  const base = {
    string: field.required ? 'z.string().min(1)' : 'z.string()',
    number: 'z.number()',
    boolean: 'z.boolean()',
    date: 'z.iso.date()',
    datetime: 'z.iso.datetime({ offset: true })',
  }[field.type];
  return field.required ? base : `${base}.optional()`;
}

export function renderRouteModule(resource: ResourceModel): string {
  const names = codeNames(resource);
  const path = `/${resource.plural}`;
  const fields = resource.fields.map((field) => `  ${field.name}: ${zodExpression(field)},\n`).join('');
  return `// CRUD routes for ${resource.plural}. Items live in memory, so they reset when the server restarts.
import { z } from 'zod';
import { HttpError, readJsonBody, sendJson, sendNoContent, validate } from '../lib/http.js';
import { MemoryStore } from '../lib/memory-store.js';
import type { Router } from '../lib/router.js';

/** What a client sends to create or replace ${withArticle(resource.singular)}. Unknown fields are refused. */
const ${names.schema} = z.strictObject({
${fields}});

type ${names.inputType} = z.infer<typeof ${names.schema}>;

const store = new MemoryStore<${names.inputType}>();

function notFound(id: string): never {
  throw new HttpError(404, \`No ${resource.singular} with id "\${id}"\`);
}

export function ${names.register}(router: Router): void {
  router.get('${path}', ({ response }) => {
    sendJson(response, 200, store.list());
  });

  router.get('${path}/:id', ({ response, params }) => {
    sendJson(response, 200, store.get(params.id) ?? notFound(params.id));
  });

  router.post('${path}', async ({ request, response }) => {
    const input = validate(${names.schema}, await readJsonBody(request));
    sendJson(response, 201, store.create(input));
  });

  router.put('${path}/:id', async ({ request, response, params }) => {
    const input = validate(${names.schema}, await readJsonBody(request));
    sendJson(response, 200, store.replace(params.id, input) ?? notFound(params.id));
  });

  router.patch('${path}/:id', async ({ request, response, params }) => {
    const changes = validate(${names.schema}.partial(), await readJsonBody(request));
    sendJson(response, 200, store.update(params.id, changes) ?? notFound(params.id));
  });

  router.delete('${path}/:id', ({ response, params }) => {
    if (!store.delete(params.id)) notFound(params.id);
    sendNoContent(response);
  });
}
`;
}

export function renderIndex(model: ApiModel): string {
  const imports = model.resources
    .map((resource) => `import { ${codeNames(resource).register} } from './routes/${resource.plural}.js';\n`)
    .join('');
  const registrations = model.resources.map((resource) => `${codeNames(resource).register}(router);\n`).join('');
  return `// Entry point: mounts the resource routes and serves them on PORT (default 3000).
import { createServer } from 'node:http';
import { sendJson } from './lib/http.js';
import { Router } from './lib/router.js';
${imports}
const router = new Router();
router.get('/health', ({ response }) => {
  sendJson(response, 200, { status: 'ok' });
});
${registrations}
const port = Number(process.env.PORT ?? 3000);
createServer((request, response) => {
  void router.handle(request, response);
}).listen(port, () => {
  console.log(\`${model.title} listening on http://localhost:\${port}\`);
});
`;
}
