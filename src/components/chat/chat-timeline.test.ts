import { describe, expect, it } from 'vitest';
import { chatTimeline, type TimelineMessage } from './chat-timeline';

function describeItems(items: ReturnType<typeof chatTimeline<TimelineMessage, { id: string }>>): string[] {
  return items.map((item) => (item.kind === 'message' ? `${item.message.role}:${item.message.id}` : `card:${item.version.id}`));
}

describe('chatTimeline', () => {
  it('puts each version card after its prompt and before the answer', () => {
    const messages: TimelineMessage[] = [
      { id: 'm1', versionId: 'v1', role: 'user' },
      { id: 'm2', versionId: 'v1', role: 'assistant' },
      { id: 'm3', versionId: 'v2', role: 'user' },
      { id: 'm4', versionId: 'v2', role: 'assistant' },
    ];
    expect(describeItems(chatTimeline(messages, [{ id: 'v1' }, { id: 'v2' }]))).toEqual([
      'user:m1',
      'card:v1',
      'assistant:m2',
      'user:m3',
      'card:v2',
      'assistant:m4',
    ]);
  });

  it('puts a version without a stored prompt last', () => {
    const messages: TimelineMessage[] = [
      { id: 'm1', versionId: 'v1', role: 'user' },
      { id: 'optimistic', versionId: null, role: 'user' },
    ];
    expect(describeItems(chatTimeline(messages, [{ id: 'v1' }, { id: 'v2' }]))).toEqual(['user:m1', 'card:v1', 'user:optimistic', 'card:v2']);
  });
});
