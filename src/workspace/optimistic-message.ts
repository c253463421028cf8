// The chat shows a sent prompt at once, under an id of its own until the stored message replaces it. Pure.

const OPTIMISTIC_ID_PREFIX = 'optimistic-';

/** The id of a prompt shown before the server has stored it. */
export function optimisticMessageId(nowMs: number): string {
  return `${OPTIMISTIC_ID_PREFIX}${nowMs}`;
}

/** A message shown before the server stored it: the chat marks it as still sending. */
export function isOptimisticMessage(message: { id: string }): boolean {
  return message.id.startsWith(OPTIMISTIC_ID_PREFIX);
}
