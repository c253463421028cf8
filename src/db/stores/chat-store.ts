// Owns writes to `chat_messages`.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { chatMessages } from '../schema';

export type ChatMessageRow = typeof chatMessages.$inferSelect;

export async function insertChatMessage(
  db: Database,
  input: { projectId: string; versionId: string | null; role: ChatMessageRow['role']; content: string },
): Promise<ChatMessageRow> {
  const [row] = await db.insert(chatMessages).values(input).returning();
  return row!;
}

export async function listChatMessages(db: Database, projectId: string): Promise<ChatMessageRow[]> {
  return db
    .select()
    .from(chatMessages)
    .where(eq(chatMessages.projectId, projectId))
    .orderBy(asc(chatMessages.createdAt), asc(chatMessages.id));
}
