// The order of the chat: each version's card follows the message that asked for it and comes
// before the assistant's answer, as in v0. Pure.

export interface TimelineMessage {
  id: string;
  versionId: string | null;
  role: 'user' | 'assistant' | 'system';
}

export type TimelineItem<M, V> = { kind: 'message'; message: M } | { kind: 'version'; version: V };

export function chatTimeline<M extends TimelineMessage, V extends { id: string }>(
  messages: readonly M[],
  versions: readonly V[],
): TimelineItem<M, V>[] {
  const placed = new Set<string>();
  const versionById = new Map(versions.map((version) => [version.id, version]));
  const items: TimelineItem<M, V>[] = [];
  for (const message of messages) {
    items.push({ kind: 'message', message });
    const version = message.versionId ? versionById.get(message.versionId) : undefined;
    if (version && message.role === 'user' && !placed.has(version.id)) {
      placed.add(version.id);
      items.push({ kind: 'version', version });
    }
  }
  // A version whose prompt is not stored yet (just sent) goes last, after the optimistic message.
  for (const version of versions) if (!placed.has(version.id)) items.push({ kind: 'version', version });
  return items;
}
