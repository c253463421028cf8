// A whole generated API from its model. Pure and deterministic: the same model always gives the
// same files, which is what lets a later version compare renders to find what a change touched.
// Files come in the order they are streamed: setup, runtime, routes, entry point, docs.
import type { FileMap } from '@/types/versioning';
import { OPENAPI_PATH, type ApiModel } from './api-model';
import { renderOpenApi } from './render-openapi';
import { renderReadme } from './render-readme';
import { renderIndex, renderRouteModule, routeFilePath } from './render-routes';
import { GITIGNORE, HTTP_TS, MEMORY_STORE_TS, renderPackageJson, ROUTER_TS, TSCONFIG_JSON } from './render-runtime';

export function renderProject(model: ApiModel): FileMap {
  const files: FileMap = {
    'package.json': renderPackageJson(model),
    'tsconfig.json': TSCONFIG_JSON,
    '.gitignore': GITIGNORE,
    'src/lib/http.ts': HTTP_TS,
    'src/lib/router.ts': ROUTER_TS,
    'src/lib/memory-store.ts': MEMORY_STORE_TS,
  };
  for (const resource of model.resources) files[routeFilePath(resource)] = renderRouteModule(resource);
  files['src/index.ts'] = renderIndex(model);
  files[OPENAPI_PATH] = renderOpenApi(model);
  files['README.md'] = renderReadme(model);
  return files;
}
