// requests.http as its owner downloads it: the saved checks in order, env values of 4+ characters
// written as variables, nothing for a project without checks, and nothing for anyone else.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteTestDatabase } from '@/test/test-database';
import type { DatabaseHandle } from '@/db/client';
import { ForgeError } from '@/shared/forge-error';
import { setProjectEnvVar } from '@/db/stores/project-env-store';
import { insertProject } from '@/db/stores/projects-store';
import { insertSavedCheck } from '@/db/stores/saved-checks-store';
import type { NewSavedCheck } from '@/types/api-checks';
import type { HandlerContext } from './context';
import { exportRequestsHttp, REQUESTS_HTTP_BASE_URL } from './requests-http-export';
import { newSavedCheckFixture } from '@/test/saved-check-fixture';

const OWNER = '00000000-0000-4000-8000-000000000001';
const SECRET = 'sk-live-0123456789';

describe('exportRequestsHttp', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openPgliteTestDatabase();
  });
  afterAll(() => handle?.close());

  const contextOf = (userId: string): HandlerContext => ({ db: handle.db, userId, jobs: { enqueue: async () => {} } });
  const newProject = async () => (await insertProject(handle.db, { ownerId: OWNER, name: 'checks' })).id;
  const save = (projectId: string, check: Partial<NewSavedCheck>) => insertSavedCheck(handle.db, newSavedCheckFixture(projectId, check));

  it('writes the checks oldest first with env values of 4+ characters masked', async () => {
    const projectId = await newProject();
    await setProjectEnvVar(handle.db, { projectId, name: 'API_KEY', value: SECRET });
    await setProjectEnvVar(handle.db, { projectId, name: 'DEBUG', value: 'on' });
    await save(projectId, { name: 'list books', headers: { 'X-Api-Key': SECRET, 'X-Debug': 'on' } });
    await save(projectId, { name: 'add Dune', method: 'POST', body: `{"title":"Dune","key":"${SECRET}"}`, expectStatus: 201, expectJson: { title: 'Dune' } });

    const exported = await exportRequestsHttp(contextOf(OWNER), { projectId });
    const text = exported!.text;
    expect(text).not.toContain(SECRET);
    expect(text).toContain(`@baseUrl = ${REQUESTS_HTTP_BASE_URL}\n`);
    expect(REQUESTS_HTTP_BASE_URL).not.toContain(':3000');
    expect(text).toMatch(/^@API_KEY =$/m);
    // "on" is too short to be a secret: it stays, and DEBUG is not declared.
    expect(text).toContain('X-Api-Key: {{API_KEY}}\n');
    expect(text).toContain('X-Debug: on\n');
    expect(text).not.toContain('@DEBUG');
    expect(text).toContain('{"title":"Dune","key":"{{API_KEY}}"}');
    expect(text.indexOf('### list books')).toBeLessThan(text.indexOf('### add Dune'));
  });

  it('gives null for a project without saved checks, and NOT_FOUND to anyone but the owner', async () => {
    const empty = await newProject();
    expect(await exportRequestsHttp(contextOf(OWNER), { projectId: empty })).toBeNull();

    const projectId = await newProject();
    await save(projectId, {});
    const refused = await exportRequestsHttp(contextOf(randomUUID()), { projectId }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ForgeError);
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
  });
});
