import { messagesRouter } from './routers/messages';
import { projectsRouter } from './routers/projects';
import { streamRouter } from './routers/stream';
import { versionsRouter } from './routers/versions';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  projects: projectsRouter,
  versions: versionsRouter,
  messages: messagesRouter,
  stream: streamRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
