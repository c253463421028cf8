import { listChatMessages } from '@/db/stores/chat-store';
import { requireProject } from './access';
import type { HandlerContext } from './context';

export async function listMessages(ctx: HandlerContext, input: { projectId: string }) {
  await requireProject(ctx, input.projectId);
  return listChatMessages(ctx.db, input.projectId);
}
