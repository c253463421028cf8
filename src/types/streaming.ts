// The stream events (docs/architecture.md, "Events"). Pure types and one zod schema: imported by the server,
// the browser and scripts alike, so nothing here may touch I/O.
import { z } from 'zod';

export const STEP_NAMES = ['planning', 'analyzing', 'generating', 'validating', 'complete'] as const;
export type StepName = (typeof STEP_NAMES)[number];

export const FILE_OPERATIONS = ['created', 'modified', 'deleted'] as const;
export type FileOperation = (typeof FILE_OPERATIONS)[number];

/** Why a version ended. `completed` is the only one that makes it a usable base. */
export const STOP_REASONS = [
  'completed',
  'stopped',
  'model_error',
  'timeout',
  'invalid_output',
  'interrupted',
  'validation_failed',
  /** The version's model calls went over FORGE_MAX_TOKENS_PER_VERSION. */
  'budget',
] as const;
export type StopReason = (typeof STOP_REASONS)[number];

const checkResponseSchema = z.object({ status: z.number().int(), body: z.string() });
const checkExchangeSchema = z.object({
  request: z.object({ method: z.string(), path: z.string(), body: z.string().optional() }),
  response: checkResponseSchema.optional(),
});

const eventBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('version:start'), versionNumber: z.number().int(), baseVersionId: z.string().nullable() }),
  z.object({ type: z.literal('step'), name: z.enum(STEP_NAMES) }),
  z.object({ type: z.literal('planning'), message: z.string(), files: z.array(z.string()).optional() }),
  z.object({ type: z.literal('file:generating'), filePath: z.string() }),
  // An edit of an existing file starts (docs/architecture.md, "Model output"): `content` is the file as it stands
  // before the first hunk, so the viewer types the edit into it instead of rewriting the whole file.
  z.object({ type: z.literal('file:editing'), filePath: z.string(), content: z.string() }),
  // The next hunk of an edit: it removes `deletedLines` lines from `startLine` (1-based) of the file as it stands,
  // and the code:chunk events of this file that follow insert the replacement text there, from `startLine` on.
  z.object({ type: z.literal('edit:hunk'), filePath: z.string(), startLine: z.number().int().positive(), deletedLines: z.number().int().nonnegative() }),
  z.object({ type: z.literal('code:chunk'), filePath: z.string(), chunk: z.string(), startLine: z.number().int() }),
  // `content`: the file as saved, when it differs from the streamed text (JSON written compact is saved formatted).
  z.object({ type: z.literal('file:complete'), filePath: z.string(), operation: z.enum(FILE_OPERATIONS), content: z.string().optional() }),
  z.object({ type: z.literal('validation:start') }),
  z.object({
    type: z.literal('validation:result'),
    check: z.string(),
    ok: z.boolean(),
    skipped: z.boolean().optional(),
    detail: z.string(),
    // Behaviour and saved checks (docs/architecture.md, "API checks"): what the card groups and shows them by.
    kind: z.enum(['behaviour', 'saved']).optional(),
    resource: z.string().optional(),
    savedCheckId: z.string().optional(),
    exchange: checkExchangeSchema.optional(),
    regression: z.object({ baseVersionNumber: z.number().int(), baseResponse: checkResponseSchema.optional() }).optional(),
  }),
  z.object({
    type: z.literal('version:complete'),
    summary: z.string(),
    filesChanged: z.number().int(),
    // The saved title, so the browser can name the version before it fetches the versions list again.
    // Optional: endings buffered by a server from before it was added have none.
    title: z.string().optional(),
  }),
  z.object({ type: z.literal('error'), message: z.string(), reason: z.enum(STOP_REASONS).optional() }),
]);

export type StreamEventBody = z.infer<typeof eventBodySchema>;

/** What every stored / delivered event carries besides its body. */
export interface StreamEventEnvelope {
  versionId: string;
  /** 1, 2, 3 ... per version, with no gaps. */
  seq: number;
  /** ISO timestamp of when the publisher accepted the event. */
  at: string;
}

export type StreamEvent = StreamEventBody & StreamEventEnvelope;
export type StreamEventType = StreamEvent['type'];

export const streamEventSchema = z.intersection(
  eventBodySchema,
  z.object({ versionId: z.string(), seq: z.number().int().positive(), at: z.string() }),
);

/** Events after which a version produces no more events. */
export function isTerminalEvent(event: Pick<StreamEvent, 'type'>): boolean {
  return event.type === 'version:complete' || event.type === 'error';
}
