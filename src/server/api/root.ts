// The app's one tRPC router: one router per domain, merged here. Browser, CLI and scripts import
// its type only.
import 'server-only';
import { messagesRouter } from './routers/messages';
import { previewRouter } from './routers/preview';
import { projectEnvRouter } from './routers/project-env';
import { projectsRouter } from './routers/projects';
import { savedChecksRouter } from './routers/saved-checks';
import { streamRouter } from './routers/stream';
import { versionsRouter } from './routers/versions';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  projects: projectsRouter,
  versions: versionsRouter,
  messages: messagesRouter,
  stream: streamRouter,
  projectEnv: projectEnvRouter,
  preview: previewRouter,
  savedChecks: savedChecksRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
