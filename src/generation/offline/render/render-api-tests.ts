// The tests of a generated API (src/test/api.test.ts, with the tests feature): node:test over HTTP
// against the built server, so `npm test` needs no dependency beyond the project's own. They create
// an item of every resource (parents first, so relations have ids to point at), read, change and
// list it, try what must fail, check the features, and delete everything again (children first).
import type { ApiSchema, FieldSchema, ResourceSchema } from '../schema/api-schema';
import { exampleValue } from './example-values';
import { withArticle } from '../inflect';
import { creationOrder, parentRelations } from '../schema/schema-relations';
import { filterableFields, nestedListPath } from './render-routes';
import { renderTestHarness } from './render-api-test-harness';
import { TOKEN_ROUTE } from './runtime-auth';

export const API_TEST_PATH = 'src/test/api.test.ts';

/** A value as TypeScript source: literals as JSON, relation ids from the items created before. */
function valueSource(field: FieldSchema): string {
  return field.references === undefined ? JSON.stringify(exampleValue(field)) : `ids.${field.references}`;
}

function inputSource(resource: ResourceSchema): string {
  const entries = resource.fields.filter((field) => field.required).map((field) => `${field.name}: ${valueSource(field)}`);
  return entries.length > 0 ? `{ ${entries.join(', ')} }` : '{}';
}

function relationTests(schema: ApiSchema, resource: ResourceSchema): string {
  return parentRelations(schema, resource)
    .map(
      ({ field, parent }) => `
  it('refuses ${withArticle(field.name)} that matches no ${parent.singular}', async () => {
    const reply = await call('POST', '/${resource.plural}', { ...input(), ${field.name}: 'no-such-${parent.singular}' });
    assert.equal(reply.status, 400);
  });

  it('is listed under its ${parent.singular}', async () => {
    const reply = await call('GET', \`/${parent.plural}/\${ids.${parent.plural}}/${resource.plural}\`);
    assert.equal(reply.status, 200);
    assert.ok(itemsOf(reply).some((item) => item.id === ids.${resource.plural}));
    assert.equal((await call('GET', '${nestedListPath({ child: resource, field, parent }).replace(':id', 'no-such-id')}')).status, 404);
  });

  it('keeps its ${parent.singular} from being deleted', async () => {
    assert.equal((await call('DELETE', \`/${parent.plural}/\${ids.${parent.plural}}\`)).status, 409);
  });
`,
    )
    .join('');
}

function filteringTest(resource: ResourceSchema): string {
  const field = filterableFields(resource).find((candidate) => candidate.required);
  const matching = field
    ? `
    // The value the item has now: an earlier test may have changed it.
    const value = (await call('GET', \`/${resource.plural}/\${ids.${resource.plural}}\`)).body.${field.name};
    const matching = await call('GET', \`/${resource.plural}?${field.name}=\${encodeURIComponent(value)}\`);
    assert.equal(matching.status, 200);
    assert.ok(itemsOf(matching).some((item) => item.id === ids.${resource.plural}));
    assert.ok(itemsOf(matching).every((item) => item.${field.name} === value));`
    : '';
  return `
  it('filters the list by field and refuses unknown parameters', async () => {${matching}
    assert.equal((await call('GET', '/${resource.plural}?noSuchField=1')).status, 400);
  });
`;
}

const PAGINATION_TEST = (resource: ResourceSchema) => `
  it('pages the list', async () => {
    const reply = await call('GET', '/${resource.plural}?page=1&pageSize=1');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.page, 1);
    assert.equal(reply.body.pageSize, 1);
    assert.equal(reply.body.items.length, 1);
    assert.ok(reply.body.total >= 1);
    assert.equal((await call('GET', '/${resource.plural}?pageSize=0')).status, 400);
  });
`;

function changeTest(resource: ResourceSchema): string {
  const field = resource.fields.find((candidate) => candidate.references === undefined);
  if (!field) return '';
  const value = JSON.stringify(exampleValue(field, 1));
  return `
  it('changes a field with PATCH', async () => {
    const reply = await call('PATCH', \`/${resource.plural}/\${ids.${resource.plural}}\`, { ${field.name}: ${value} });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.${field.name}, ${value});
  });
`;
}

function resourceTests(schema: ApiSchema, resource: ResourceSchema): string {
  const one = withArticle(resource.singular);
  const features = [schema.features.includes('filtering') ? filteringTest(resource) : '', schema.features.includes('pagination') ? PAGINATION_TEST(resource) : ''];
  return `
describe('${resource.plural}', () => {
  const input = () => (${inputSource(resource)});

  it('creates ${one}', async () => {
    const reply = await call('POST', '/${resource.plural}', input());
    assert.equal(reply.status, 201);
    assertIncludes(reply.body, input());
    ids.${resource.plural} = reply.body.id;
  });

  it('gets it by id, and 404 for an unknown id', async () => {
    const reply = await call('GET', \`/${resource.plural}/\${ids.${resource.plural}}\`);
    assert.equal(reply.status, 200);
    assert.equal(reply.body.id, ids.${resource.plural});
    assert.equal((await call('GET', '/${resource.plural}/no-such-id')).status, 404);
  });

  it('lists it', async () => {
    const reply = await call('GET', '/${resource.plural}');
    assert.equal(reply.status, 200);
    assert.ok(itemsOf(reply).some((item) => item.id === ids.${resource.plural}));
  });

  it('replaces it with PUT', async () => {
    const reply = await call('PUT', \`/${resource.plural}/\${ids.${resource.plural}}\`, input());
    assert.equal(reply.status, 200);
    assertIncludes(reply.body, input());
  });
${changeTest(resource)}
  it('refuses an unknown field with 400', async () => {
    assert.equal((await call('POST', '/${resource.plural}', { ...input(), notAField: true })).status, 400);
  });
${relationTests(schema, resource)}${features.join('')}});
`;
}

function deletionTests(schema: ApiSchema): string {
  const tests = [...creationOrder(schema)].reverse().map(
    (resource) => `
  it('deletes ${withArticle(resource.singular)}', async () => {
    assert.equal((await call('DELETE', \`/${resource.plural}/\${ids.${resource.plural}}\`)).status, 204);
    assert.equal((await call('GET', \`/${resource.plural}/\${ids.${resource.plural}}\`)).status, 404);
  });
`,
  );
  return tests.length > 0 ? `\ndescribe('deleting, children before their parents', () => {${tests.join('')}});\n` : '';
}

function authTests(schema: ApiSchema): string {
  // Without a resource there is no write route to guard, only the token route.
  const resource = schema.resources[0];
  const guarded = resource
    ? `
  it('refuses a write without a token, and allows reads', async () => {
    assert.equal((await call('POST', '/${resource.plural}', {}, { withToken: false })).status, 401);
    assert.equal((await call('GET', '/${resource.plural}', undefined, { withToken: false })).status, 200);
  });

  it('refuses a forged token', async () => {
    const forged = \`\${token.slice(0, token.lastIndexOf('.'))}.forged-signature\`;
    const headers = { authorization: \`Bearer \${forged}\` };
    assert.equal((await call('DELETE', '/${resource.plural}/no-such-id', undefined, { withToken: false, headers })).status, 401);
  });
`
    : '';
  return `
describe('auth', () => {
  it('refuses wrong credentials', async () => {
    const reply = await call('POST', '${TOKEN_ROUTE}', { username: 'admin', password: 'not-the-password' }, { withToken: false });
    assert.equal(reply.status, 401);
  });
${guarded}});
`;
}

function corsTest(path: string): string {
  return `
describe('CORS', () => {
  it('answers a preflight with the allowed methods and headers', async () => {
    const response = await fetch(\`\${baseUrl}${path}\`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.com', 'access-control-request-method': 'POST' },
    });
    assert.equal(response.status, 204);
    assert.ok(response.headers.get('access-control-allow-origin'));
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
  });
});
`;
}

function rateLimitTest(path: string): string {
  return `
describe('rate limiting', () => {
  it('answers 429 with Retry-After once the limit is used up', async () => {
    const first = await call('GET', '${path}');
    const remaining = Number(first.headers.get('ratelimit-remaining'));
    assert.ok(Number.isInteger(remaining), 'no ratelimit-remaining header');
    // The bucket refills while this runs, so send until a request is refused, with a bound.
    for (let sent = 0; sent <= 2 * remaining + 20; sent++) {
      const reply = await call('GET', '${path}');
      if (reply.status !== 429) continue;
      assert.ok(Number(reply.headers.get('retry-after')) >= 1);
      return;
    }
    assert.fail('no request was refused');
  });
});
`;
}

export function renderApiTests(schema: ApiSchema): string {
  const has = (feature: ApiSchema['features'][number]) => schema.features.includes(feature);
  const first = schema.resources[0];
  // Rate limiting and CORS run before routing, so any path shows them; /health is exempt from the limit.
  const probePath = first ? `/${first.plural}` : '/no-such-route';
  return [
    renderTestHarness(schema),
    has('auth') ? authTests(schema) : '',
    ...creationOrder(schema).map((resource) => resourceTests(schema, resource)),
    has('cors') ? corsTest(probePath) : '',
    deletionTests(schema),
    // Last: it uses up the rate limit.
    has('rate-limit') ? rateLimitTest(probePath) : '',
  ].join('');
}
