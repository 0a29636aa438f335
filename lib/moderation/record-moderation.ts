import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { moderationLog, notifications, posts } from '@/db/schema';
import { intArray } from '@/db/sql-arrays';

type Entry = typeof moderationLog.$inferInsert;

/** Actions on a whole member that they are told of in the app (a suspended member cannot sign in to read it). */
const TOLD_TO_MEMBER = new Set(['silence', 'unsilence']);

/**
 * Writes moderation-log entries and tells each member concerned, in the same transaction:
 * the author of a post acted on, or the member silenced. Nobody is told of their own action.
 */
export async function recordModeration(tx: Db, entries: Entry | Entry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  const logged = await tx.insert(moderationLog).values(list).returning();
  const postIds = logged.flatMap((e) => (e.postId ? [e.postId] : []));
  const authors = postIds.length
    ? new Map((await tx.select({ id: posts.id, authorId: posts.authorId }).from(posts).where(sql`${posts.id} = any(${intArray(postIds)})`)).map((p) => [p.id, p.authorId]))
    : new Map<number, number>();
  const told = logged.flatMap((e) => {
    const memberId = e.postId ? authors.get(e.postId) : e.memberId && TOLD_TO_MEMBER.has(e.action) ? e.memberId : undefined;
    if (!memberId || memberId === e.actorId) return [];
    return [{ memberId, kind: 'moderation', postId: e.postId, threadId: e.threadId, groupId: e.groupId, actorId: e.actorId, data: { action: e.action, reason: e.reason } }];
  });
  if (told.length > 0) await tx.insert(notifications).values(told);
}
