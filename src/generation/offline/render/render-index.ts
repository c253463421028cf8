// The entry point of a generated API (src/index.ts): the request pipeline (logging, CORS, rate
// limiting, then the router with its auth guard) and every route module mounted on the router.
import type { ApiSchema } from '../schema/api-schema';
import { registerFunctionName } from './render-routes';

export function renderIndex(schema: ApiSchema): string {
  const has = (feature: ApiSchema['features'][number]) => schema.features.includes(feature);
  const imports = [
    "import { createServer } from 'node:http';\n",
    "import { sendJson } from './lib/http.js';\n",
    "import { Router } from './lib/router.js';\n",
    has('auth') ? "import { requireTokenForWrites } from './middleware/auth.js';\n" : '',
    has('cors') ? "import { handleCors } from './middleware/cors.js';\n" : '',
    has('rate-limit') ? "import { rateLimited } from './middleware/rate-limit.js';\n" : '',
    has('logging') ? "import { logRequest } from './middleware/request-log.js';\n" : '',
    has('auth') ? "import { registerAuthRoutes } from './routes/auth.js';\n" : '',
    ...schema.resources.map((resource) => `import { ${registerFunctionName(resource)} } from './routes/${resource.plural}.js';\n`),
  ];
  const registrations = [
    has('auth') ? 'registerAuthRoutes(router);\n' : '',
    ...schema.resources.map((resource) => `${registerFunctionName(resource)}(router);\n`),
  ];
  // Logging first, so every answer is logged, 429s and preflights included; CORS before the rate
  // limit, so a browser can read a 429.
  const pipeline = [
    has('logging') ? '  logRequest(request, response);\n' : '',
    has('cors') ? '  if (handleCors(request, response)) return;\n' : '',
    has('rate-limit') ? '  if (rateLimited(request, response)) return;\n' : '',
    '  void router.handle(request, response);\n',
  ];
  return `// Entry point: mounts the routes and serves them on PORT (default 3000), on HOST when it is set
// (e.g. 127.0.0.1 for loopback only), on every interface otherwise.
${imports.join('')}
const router = new Router();
${has('auth') ? 'router.use(requireTokenForWrites);\n' : ''}router.get('/health', ({ response }) => {
  sendJson(response, 200, { status: 'ok' });
});
${registrations.join('')}
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
createServer((request, response) => {
${pipeline.join('')}}).listen(port, host, () => {
  console.log(\`${schema.title.replace(/[`\\$]/g, '')} listening on http://localhost:\${port}\`);
});
`;
}
