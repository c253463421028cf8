// A whole generated API from its schema. Pure and deterministic: the same schema always gives the
// same files, which is what lets a later version compare renders to find what a change touched.
// Files come in the order they are streamed: setup, runtime, models, routes, entry point, docs, tests.
import type { FileMap } from '@/types/versioning';
import { OPENAPI_PATH, type ApiSchema } from '../schema/api-schema';
import { API_TEST_PATH, renderApiTests } from './render-api-tests';
import { renderIndex } from './render-index';
import { schemaFilePath, renderSchemaModule } from './render-schemas';
import { renderOpenApi } from './render-openapi';
import { GITIGNORE, renderPackageJson, TSCONFIG_JSON } from './render-package';
import { renderReadme } from './render-readme';
import { renderRouteModule, routeFilePath } from './render-routes';
import { AUTH_MIDDLEWARE_PATH, AUTH_MIDDLEWARE_TS, AUTH_ROUTES_PATH, AUTH_ROUTES_TS, JWT_PATH, JWT_TS } from './runtime-auth';
import { HTTP_TS, MEMORY_STORE_TS, ROUTER_TS } from './runtime-lib';
import { FILTERING_PATH, FILTERING_TS, PAGINATION_PATH, PAGINATION_TS } from './runtime-list-helpers';
import { CORS_PATH, CORS_TS, RATE_LIMIT_PATH, RATE_LIMIT_TS, REQUEST_LOG_PATH, REQUEST_LOG_TS } from './runtime-middleware';

/**
 * Which renderer wrote a project, stored in its openapi.json. Bump it whenever the same schema would
 * render different files: a later version then rewrites every file that differs instead of only
 * those its change touches, so a project never mixes files of two renderers.
 */
export const RENDER_REVISION = 4;

export function renderProject(schema: ApiSchema): FileMap {
  const has = (feature: ApiSchema['features'][number]) => schema.features.includes(feature);
  const files: FileMap = {
    'package.json': renderPackageJson(schema),
    'tsconfig.json': TSCONFIG_JSON,
    '.gitignore': GITIGNORE,
    'src/lib/http.ts': HTTP_TS,
    'src/lib/router.ts': ROUTER_TS,
    'src/lib/memory-store.ts': MEMORY_STORE_TS,
  };
  if (has('pagination')) files[PAGINATION_PATH] = PAGINATION_TS;
  if (has('filtering')) files[FILTERING_PATH] = FILTERING_TS;
  if (has('auth')) {
    files[JWT_PATH] = JWT_TS;
    files[AUTH_MIDDLEWARE_PATH] = AUTH_MIDDLEWARE_TS;
  }
  if (has('cors')) files[CORS_PATH] = CORS_TS;
  if (has('rate-limit')) files[RATE_LIMIT_PATH] = RATE_LIMIT_TS;
  if (has('logging')) files[REQUEST_LOG_PATH] = REQUEST_LOG_TS;
  for (const resource of schema.resources) files[schemaFilePath(resource)] = renderSchemaModule(resource);
  if (has('auth')) files[AUTH_ROUTES_PATH] = AUTH_ROUTES_TS;
  for (const resource of schema.resources) files[routeFilePath(resource)] = renderRouteModule(schema, resource);
  files['src/index.ts'] = renderIndex(schema);
  files[OPENAPI_PATH] = renderOpenApi(schema, RENDER_REVISION);
  files['README.md'] = renderReadme(schema);
  if (has('tests')) files[API_TEST_PATH] = renderApiTests(schema);
  return files;
}
