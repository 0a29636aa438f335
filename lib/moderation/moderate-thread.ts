import { eq } from 'drizzle-orm';
import { threads } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ForbiddenError } from '../errors';
import type { GroupWithAccess } from '../groups/group-access';
import { canModerateGroup } from '../permissions';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { getReadableThread } from '../threads/thread-access';
import { recordModeration } from './record-moderation';

/** Every action the moderation log records. */
export const MODERATION_ACTIONS = ['pin', 'pin_globally', 'unpin', 'close', 'reopen', 'archive', 'unarchive', 'unlist', 'relist', 'edit_post', 'delete_post', 'restore_post', 'schedule_close', 'unschedule_close', 'scheduled_close', 'hide_post', 'auto_hide', 'disagree_flags', 'defer_flags', 'unhide_post', 'move_thread', 'move_thread_out', 'split_thread', 'merge_thread', 'silence', 'unsilence', 'suspend', 'unsuspend'] as const;

export type ThreadRow = typeof threads.$inferSelect;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/**
 * The shape of every thread moderation: lock the thread, check the moderator's powers in
 * its group, let `decide` refuse a stale request or say what changes, and write the change
 * and its moderation-log row in one transaction.
 */
export async function moderateThread(
  ctx: SignedInCtx,
  input: { threadId: number; action: ModerationAction; reason?: string | null },
  decide: (thread: ThreadRow, group: GroupWithAccess) => Partial<typeof threads.$inferInsert>,
): Promise<{ threadId: number; groupSlug: string }> {
  return ctx.db.transaction(async (tx) => {
    const { thread, group } = await getReadableThread({ db: tx, viewer: ctx.viewer }, input.threadId, { lock: true });
    if (!canModerateGroup(ctx.viewer, group)) throw new ForbiddenError('Only the moderators of this group can do that.');
    await tx.update(threads).set(decide(thread, group)).where(eq(threads.id, thread.id));
    // Status filters (status:closed, status:pinned) read the index in engines that store them.
    await enqueueSearchUpdate(tx, 'thread', thread.id);
    await recordModeration(tx, { groupId: group.id, actorId: ctx.viewer.id, action: input.action, threadId: thread.id, reason: input.reason ?? null });
    return { threadId: thread.id, groupSlug: group.slug };
  });
}
