// tRPC's setup: the context every procedure gets, error shaping, and the procedure builders.
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError, z } from 'zod';
import { getAppServices, type AppServices } from '../app-services';
import { ForgeError } from '../errors';
import type { HandlerContext } from '../handlers/context';

/** The one user of embedded mode (no sign-in; the server binds 127.0.0.1). */
export const LOCAL_USER_ID = '00000000-0000-4000-8000-000000000001';

export interface TRPCContext {
  services: AppServices;
  userId: string;
  signal?: AbortSignal;
}

export async function createTRPCContext(options: { headers: Headers; signal?: AbortSignal; services?: AppServices }): Promise<TRPCContext> {
  const services = options.services ?? (await getAppServices());
  return { services, userId: LOCAL_USER_ID, signal: options.signal };
}

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    return { ...shape, data: { ...shape.data, zodError } };
  },
});

/** Server functions throw ForgeError; this gives each its HTTP meaning, and hides internals of the rest. */
const mapForgeErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof ForgeError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapForgeErrors);

/** Every procedure that touches a project: resolves the user and hands handlers a HandlerContext. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  const handlerContext: HandlerContext = {
    db: ctx.services.db,
    userId: ctx.userId,
    enqueueVersion: (versionId, projectId) => ctx.services.enqueueVersion(versionId, projectId),
  };
  return next({ ctx: { ...ctx, handler: handlerContext } });
});
