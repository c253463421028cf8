// The live stream's wire contract (docs/architecture.md, "Events"): the worker broadcasts each
// published batch on the project's private channel and the browser listens there. Pure and free of
// server-only imports, because the browser's transport imports it too.
import { z } from 'zod';
import { streamEventSchema, type StreamEvent } from '@/types/streaming';

/** The Realtime topic of a project's stream; the policies on realtime.messages expect this form. */
export function projectStreamTopic(projectId: string): string {
  return `project:${projectId}`;
}

/** The broadcast event name that carries stream events. */
export const STREAM_BROADCAST_EVENT = 'stream';

/** One broadcast message: consecutive events of one version, `fromSeq`..`toSeq` inclusive. */
export interface StreamBroadcastPayload {
  versionId: string;
  fromSeq: number;
  toSeq: number;
  events: StreamEvent[];
}

const streamBroadcastPayloadSchema = z.object({
  versionId: z.string(),
  fromSeq: z.number().int().positive(),
  toSeq: z.number().int().positive(),
  events: z.array(streamEventSchema),
});

/** A received payload, or null when it is not one of ours (then the buffer fills the gap). */
export function parseStreamBroadcastPayload(payload: unknown): StreamBroadcastPayload | null {
  const result = streamBroadcastPayloadSchema.safeParse(payload);
  return result.success ? (result.data as StreamBroadcastPayload) : null;
}
