// Test data: one valid call of every tRPC procedure, made by a caller with no signed-in user; the
// fuzz test expects each to be UNAUTHORIZED and its count to match the router's. Used by tests only.
import type { createCaller } from '@/server/api/root';

export function signedOutCalls(
  anonymous: ReturnType<typeof createCaller>,
  own: { projectId: string; v1: string },
  prompt: string,
): Array<() => Promise<unknown>> {
  return [
    () => anonymous.projects.create({ prompt: prompt }),
    () => anonymous.projects.get({ projectId: own.projectId }),
    () => anonymous.projects.list(),
    () => anonymous.versions.create({ projectId: own.projectId, prompt: 'Add a reviews resource' }),
    () => anonymous.versions.list({ projectId: own.projectId }),
    () => anonymous.versions.get({ versionId: own.v1 }),
    () => anonymous.versions.files({ versionId: own.v1 }),
    () => anonymous.versions.stop({ versionId: own.v1 }),
    () => anonymous.versions.regenerate({ versionId: own.v1 }),
    () => anonymous.versions.fix({ versionId: own.v1 }),
    () => anonymous.versions.restore({ versionId: own.v1 }),
    () => anonymous.versions.compare({ fromVersionId: own.v1, toVersionId: own.v1 }),
    () => anonymous.versions.apiDiff({ fromVersionId: own.v1, toVersionId: own.v1 }),
    () => anonymous.messages.list({ projectId: own.projectId }),
    () => anonymous.stream.since({ versionId: own.v1, afterSeq: 0, waitMs: 0 }),
    () => anonymous.versions.api({ versionId: own.v1 }),
    () => anonymous.projectEnv.list({ projectId: own.projectId }),
    () => anonymous.projectEnv.set({ projectId: own.projectId, name: 'JWT_SECRET', value: 'x' }),
    () => anonymous.projectEnv.remove({ projectId: own.projectId, name: 'JWT_SECRET' }),
    () => anonymous.preview.start({ versionId: own.v1 }),
    () => anonymous.preview.status({ versionId: own.v1 }),
    () => anonymous.preview.stop({ versionId: own.v1 }),
    () => anonymous.preview.check({ versionId: own.v1 }),
    () => anonymous.preview.send({ versionId: own.v1, method: 'GET', path: '/authors' }),
    () => anonymous.preview.history({ projectId: own.projectId }),
    () => anonymous.savedChecks.list({ projectId: own.projectId }),
    () => anonymous.savedChecks.save({ projectId: own.projectId, method: 'GET', path: '/authors', expectStatus: 200 }),
    () => anonymous.savedChecks.remove({ projectId: own.projectId, id: own.v1 }),
    () => anonymous.savedChecks.requestsHttp({ projectId: own.projectId }),
  ];
}
