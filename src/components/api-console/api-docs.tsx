'use client';

import { useId } from 'react';
import type { ApiBody, ApiDescription, ApiParameter, ApiResponse, ApiRoute, JsonSchema } from '@/types/api-description';
import { Icon } from '../ui/icon';
import { MethodBadge } from './method-badge';
import { schemaRows, typeText } from './schema-rows';

interface ApiDocsProps {
  description: ApiDescription | undefined;
  isLoading: boolean;
  error: string | null;
  /** Opens the route in the request console; without it there is no "Try it" button. */
  onTryRoute?: (routeId: string) => void;
}

const SECTION_LABEL = 'pb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase';
const PILL = 'rounded px-1.5 py-0.5 text-[11px]';

/** The API a version describes, as a readable reference: every route with its parameters, body and responses. */
export function ApiDocs({ description, isLoading, error, onTryRoute }: ApiDocsProps) {
  if (error) {
    return (
      <p role="alert" className="m-3 rounded-lg border border-red-900/60 bg-red-950/30 px-3 py-2 text-sm text-red-200">
        Could not load the API description: {error}
      </p>
    );
  }
  if (!description) {
    return (
      <p role="status" className="flex h-full items-center justify-center p-6 text-sm text-zinc-500">
        {isLoading ? 'Reading the API…' : 'No API description yet.'}
      </p>
    );
  }
  const routeCount = description.groups.reduce((count, group) => count + group.routes.length, 0);
  return (
    <div data-testid="api-docs" className="space-y-5 p-4 text-sm text-zinc-300">
      <header className="space-y-1">
        <div className="flex flex-wrap items-baseline gap-x-2">
          <h2 className="text-base font-semibold text-zinc-100">{description.title}</h2>
          {description.version && <span className="font-mono text-xs text-zinc-500">v{description.version}</span>}
          <span className="text-xs text-zinc-500">
            {routeCount} {routeCount === 1 ? 'route' : 'routes'}
            {description.basePath && <> under <code className="font-mono text-zinc-400">{description.basePath}</code></>}
          </span>
        </div>
        {description.description && <p className="whitespace-pre-line text-zinc-400">{description.description}</p>}
      </header>
      {description.problems.length > 0 && <ProblemNotice problems={description.problems} hasRoutes={routeCount > 0} />}
      {routeCount === 0 && description.problems.length === 0 && <p className="text-zinc-500">This API lists no routes.</p>}
      {description.groups.map((group) => (
        <RouteGroup key={group.name} name={group.name} routes={group.routes} onTryRoute={onTryRoute} />
      ))}
    </div>
  );
}

function ProblemNotice({ problems, hasRoutes }: { problems: readonly string[]; hasRoutes: boolean }) {
  const headline = hasRoutes
    ? `openapi.json has ${problems.length === 1 ? 'a problem' : 'problems'}; the routes below are what could be read.`
    : 'No routes are known for this version.';
  return (
    <div role="note" data-testid="docs-problems" className="flex items-start gap-2 rounded-lg border border-amber-900/50 bg-amber-950/30 px-3 py-2 text-xs text-amber-200">
      <Icon name="warning" className="mt-px size-3.5 shrink-0" />
      <div className="min-w-0 space-y-1">
        <p className="font-medium">{headline}</p>
        <ul className="list-disc space-y-0.5 pl-4 font-mono break-words">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function RouteGroup({ name, routes, onTryRoute }: { name: string; routes: ApiRoute[]; onTryRoute?: (routeId: string) => void }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-xs font-semibold tracking-wide text-zinc-400 uppercase">
        {name}
      </h3>
      <ul className="space-y-2">
        {routes.map((route) => (
          <li key={route.id} data-testid="docs-route" data-route-id={route.id}>
            <RouteDoc route={route} onTryRoute={onTryRoute} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RouteDoc({ route, onTryRoute }: { route: ApiRoute; onTryRoute?: (routeId: string) => void }) {
  const headingId = useId();
  const parameters = [
    ...route.pathParams.map((parameter) => ({ place: 'path', parameter })),
    ...route.queryParams.map((parameter) => ({ place: 'query', parameter })),
    ...route.headerParams.map((parameter) => ({ place: 'header', parameter })),
  ];
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-zinc-800 bg-zinc-950/60">
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-800 px-3 py-2">
        <MethodBadge method={route.method} />
        <h4 id={headingId} className={`min-w-0 font-mono text-sm break-all text-zinc-100 ${route.deprecated ? 'line-through' : ''}`}>
          <span className="sr-only">{route.method} </span>
          {route.path}
        </h4>
        {route.requiresAuth && <span className={`${PILL} bg-violet-500/15 text-violet-300`}>needs auth</span>}
        {route.deprecated && <span className={`${PILL} bg-zinc-800 text-zinc-400`}>deprecated</span>}
        {onTryRoute && (
          <button
            type="button"
            onClick={() => onTryRoute(route.id)}
            aria-label={`Try ${route.method} ${route.path}`}
            className="ml-auto inline-flex items-center gap-1 rounded-md border border-zinc-700 px-2 py-0.5 text-xs text-zinc-300 hover:border-zinc-500 hover:text-white"
          >
            Try it
          </button>
        )}
      </header>
      <div className="space-y-3 px-3 py-2.5">
        {(route.summary || route.description) && (
          <div className="space-y-1">
            {route.summary && <p className="text-zinc-200">{route.summary}</p>}
            {route.description && <p className="whitespace-pre-line text-zinc-400">{route.description}</p>}
          </div>
        )}
        {parameters.length > 0 && (
          <div>
            <h5 className={SECTION_LABEL}>Parameters</h5>
            <ParameterTable parameters={parameters} />
          </div>
        )}
        {route.requestBody && <RequestBody body={route.requestBody} />}
        {route.responses.length > 0 && (
          <div>
            <h5 className={SECTION_LABEL}>Responses</h5>
            <ul className="space-y-1">
              {route.responses.map((response) => (
                <ResponseDoc key={response.status} response={response} />
              ))}
            </ul>
          </div>
        )}
      </div>
    </article>
  );
}

function ParameterTable({ parameters }: { parameters: Array<{ place: string; parameter: ApiParameter }> }) {
  return (
    <table className="w-full text-left text-xs">
      <thead className="text-zinc-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">Name</th>
          <th scope="col" className="py-1 pr-3 font-medium">In</th>
          <th scope="col" className="py-1 pr-3 font-medium">Type</th>
          <th scope="col" className="py-1 font-medium">Description</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map(({ place, parameter }) => (
          <tr key={`${place}:${parameter.name}`} className="border-t border-zinc-800/70 align-top">
            <td className="py-1 pr-3 font-mono text-zinc-200">
              {parameter.name}
              {parameter.required && <RequiredMark />}
            </td>
            <td className="py-1 pr-3 text-zinc-500">{place}</td>
            <td className="py-1 pr-3 font-mono text-zinc-400">{parameter.schema ? typeText(parameter.schema) : 'string'}</td>
            <td className="py-1 text-zinc-400">
              {parameter.description}
              {parameter.example && <span className="block font-mono text-zinc-500">e.g. {parameter.example}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RequestBody({ body }: { body: ApiBody }) {
  return (
    <div className="space-y-1.5">
      <h5 className={SECTION_LABEL}>
        Request body <span className="font-mono normal-case">{body.contentType}</span>
        {body.required ? '' : ' (optional)'}
      </h5>
      <SchemaTable schema={body.schema} />
      {body.example && <Example text={body.example} label="Example request body" />}
    </div>
  );
}

function ResponseDoc({ response }: { response: ApiResponse }) {
  const tone = response.status.startsWith('2') ? 'text-emerald-300' : response.status.startsWith('4') || response.status.startsWith('5') ? 'text-red-300' : 'text-zinc-300';
  const hasBody = response.schema !== null || response.example !== '';
  const headline = (
    <>
      <span className={`font-mono font-semibold ${tone}`}>{response.status}</span>
      <span className="min-w-0 text-zinc-400">{response.description}</span>
      {response.contentType && <span className="ml-auto font-mono text-[11px] text-zinc-500">{response.contentType}</span>}
    </>
  );
  if (!hasBody) return <li className="flex items-baseline gap-2 px-1 py-0.5 text-xs">{headline}</li>;
  return (
    <li>
      <details className="group rounded-md text-xs">
        <summary className="flex cursor-pointer items-baseline gap-2 rounded-md px-1 py-0.5 hover:bg-zinc-800/50">
          <Icon name="chevronRight" className="size-3 shrink-0 self-center text-zinc-500 group-open:rotate-90" />
          {headline}
        </summary>
        <div className="space-y-1.5 py-1.5 pl-5">
          <SchemaTable schema={response.schema} />
          {response.example && <Example text={response.example} label={`Example ${response.status} response body`} />}
        </div>
      </details>
    </li>
  );
}

function SchemaTable({ schema }: { schema: JsonSchema | null }) {
  const rows = schemaRows(schema);
  if (rows.length === 0) return null;
  return (
    <table className="w-full text-left text-xs">
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${index}:${row.name}`} className="border-t border-zinc-800/70 first:border-t-0 align-top">
            <td className="py-1 pr-3 font-mono whitespace-nowrap text-zinc-200" style={{ paddingLeft: `${row.depth * 14}px` }}>
              {row.name || <span className="text-zinc-500">body</span>}
              {row.required && <RequiredMark />}
            </td>
            <td className="py-1 pr-3 font-mono text-zinc-400">{row.type}</td>
            <td className="py-1 text-zinc-400">
              {row.description}
              {row.details && <span className="block text-zinc-500">{row.details}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RequiredMark() {
  return (
    <span className="ml-0.5 text-red-300" title="required">
      *<span className="sr-only"> (required)</span>
    </span>
  );
}

function Example({ text, label }: { text: string; label: string }) {
  return (
    <figure>
      <figcaption className="sr-only">{label}</figcaption>
      {/* Focusable so a keyboard can scroll a long example. */}
      <pre tabIndex={0} className="max-h-72 overflow-auto rounded-md bg-[#1b1b1d] p-2 font-mono text-[12px] leading-5 text-zinc-300">
        {text}
      </pre>
    </figure>
  );
}
