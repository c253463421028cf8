// tRPC's setup: the context every procedure gets, error shaping, and the procedure builders.
import 'server-only';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError, z } from 'zod';
import { getAppServices, type AppServices } from '../app-services';
import { ForgeError } from '@/shared/forge-error';
import type { PreviewHandlerContext } from '../handlers/preview';
import { LOCAL_USER_ID, resolveUserId } from '../auth/resolve-user';

export { LOCAL_USER_ID };

export interface TRPCContext {
  services: AppServices;
  /** null: no valid session (connected mode only). */
  userId: string | null;
  signal?: AbortSignal;
}

export async function createTRPCContext(options: { headers: Headers; signal?: AbortSignal; services?: AppServices }): Promise<TRPCContext> {
  const services = options.services ?? (await getAppServices());
  return { services, userId: await resolveUserId(options.headers, services.env, services.backends), signal: options.signal };
}

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    // An unexpected failure's message can carry SQL and its parameters; it stays in the server log.
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong on the server; it has been logged.' : shape.message;
    return { ...shape, message, data: { ...shape.data, zodError, stack: undefined } };
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
  if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first (or send an access token as "Authorization: Bearer <token>").' });
  const handlerContext: PreviewHandlerContext = {
    db: ctx.services.db,
    userId: ctx.userId,
    jobs: ctx.services.jobs,
    previews: ctx.services.previews,
  };
  return next({ ctx: { ...ctx, handler: handlerContext } });
});
