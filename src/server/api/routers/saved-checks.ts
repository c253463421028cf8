// savedChecks.*: requests from the console kept as checks (docs/architecture.md, "API checks"). The request
// part takes the same schemas as preview.send, so anything that can be saved can be sent.
import { z } from 'zod';
import { CHECK_BODY_CHARS } from '@/types/api-checks';
import { MAX_SAVED_CHECK_BODY_BYTES, MAX_SAVED_CHECK_NAME_LENGTH } from '@/shared/saved-check-limits';
import { expectJsonProblem } from '@/shared/saved-check-rules';
import { listSavedChecks, removeSavedCheck, saveCheck } from '../../handlers/saved-checks';
import { exportRequestsHttp } from '../../handlers/requests-http-export';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { idSchema } from '../schemas';
import {
  bodyFitsMethod,
  NO_BODY_ON_GET_OR_HEAD,
  NO_NUL,
  previewHeadersSchema,
  previewMethodSchema,
  previewPathSchema,
  previewQuerySchema,
  requestBodySchema,
} from '../preview-request-schemas';

const projectInput = z.object({ projectId: idSchema });

export const saveCheckInput = z
  .object({
    projectId: idSchema,
    /** Absent or blank: "GET /books → 200". */
    name: z
      .string({ error: 'The name must be text.' })
      .max(MAX_SAVED_CHECK_NAME_LENGTH, `Keep the name under ${MAX_SAVED_CHECK_NAME_LENGTH} characters.`)
      .refine(NO_NUL, 'The name cannot contain NUL characters.')
      .optional(),
    method: previewMethodSchema,
    path: previewPathSchema,
    query: previewQuerySchema.optional(),
    headers: previewHeadersSchema.optional(),
    body: requestBodySchema(MAX_SAVED_CHECK_BODY_BYTES).nullable().optional(),
    expectStatus: z
      .number({ error: 'The expected status must be a number.' })
      .int('The expected status must be a whole number.')
      .min(100, 'The expected status must be an HTTP status, 100 to 599.')
      .max(599, 'The expected status must be an HTTP status, 100 to 599.'),
    /** Any JSON value the answer must contain; absent or null: only the status is checked. */
    expectJson: z
      .unknown()
      .superRefine((value, ctx) => {
        const problem = expectJsonProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    /** The answer the check is saved from, on that version's preview: its result there (see SavedCheck.savedOn). */
    savedOn: z
      .object({
        versionId: idSchema,
        response: z.object({
          status: z.number().int().min(100).max(599),
          body: z.string().max(CHECK_BODY_CHARS, `The saved answer's body is cut to ${CHECK_BODY_CHARS} characters.`).refine(NO_NUL, 'The saved answer cannot contain NUL characters.'),
        }),
      })
      .optional(),
  })
  .refine(bodyFitsMethod, NO_BODY_ON_GET_OR_HEAD);

export const savedChecksRouter = createTRPCRouter({
  /** The project's saved checks, oldest first (the order validation runs them in). */
  list: protectedProcedure.input(projectInput).query(({ ctx, input }) => listSavedChecks(ctx.handler, input)),
  /** Keeps a console request as a check; refused once the project has SAVED_CHECK_LIMIT. */
  save: protectedProcedure.input(saveCheckInput).mutation(({ ctx, input }) => saveCheck(ctx.handler, input)),
  remove: protectedProcedure
    .input(z.object({ projectId: idSchema, id: idSchema }))
    .mutation(({ ctx, input }) => removeSavedCheck(ctx.handler, input)),
  /** The checks as requests.http (env values masked) for a version's ZIP; null when there are none. */
  requestsHttp: protectedProcedure.input(projectInput).query(({ ctx, input }) => exportRequestsHttp(ctx.handler, input)),
});
