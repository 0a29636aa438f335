import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { moderationLog, notifications, posts, threads } from '@/db/schema';
import { intArray } from '@/db/sql-arrays';

type Entry = typeof moderationLog.$inferInsert;

/** Actions on a whole member that they are told of in the app (a suspended member cannot sign in to read it). */
const TOLD_TO_MEMBER = new Set(['silence', 'unsilence']);
/** Actions on a whole thread that its author is told of: what changes where and whether it can be answered. */
const TOLD_TO_THREAD_AUTHOR = new Set(['close', 'archive', 'unlist', 'move_thread']);

/**
 * Writes moderation-log entries and tells each member concerned, in the same transaction:
 * the author of a post acted on, the member silenced, or the author of a thread closed,
 * archived, unlisted or moved. Nobody is told of their own action.
 */
export async function recordModeration(tx: Db, entries: Entry | Entry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  const logged = await tx.insert(moderationLog).values(list).returning();
  const postIds = logged.flatMap((e) => (e.postId ? [e.postId] : []));
  const authors = await authorsOf(tx, posts, postIds);
  const starters = await authorsOf(tx, threads, logged.flatMap((e) => (!e.postId && e.threadId && TOLD_TO_THREAD_AUTHOR.has(e.action) ? [e.threadId] : [])));
  const toldOf = (e: (typeof logged)[number]): number | undefined => {
    if (e.postId) return authors.get(e.postId);
    if (e.memberId && TOLD_TO_MEMBER.has(e.action)) return e.memberId;
    if (e.threadId && TOLD_TO_THREAD_AUTHOR.has(e.action)) return starters.get(e.threadId);
    return undefined;
  };
  const told = logged.flatMap((e) => {
    const memberId = toldOf(e);
    if (!memberId || memberId === e.actorId) return [];
    return [{ memberId, kind: 'moderation', postId: e.postId, threadId: e.threadId, groupId: e.groupId, actorId: e.actorId, data: { action: e.action, reason: e.reason } }];
  });
  if (told.length > 0) await tx.insert(notifications).values(told);
}

/** Who wrote each of these posts, or started each of these threads. */
async function authorsOf(tx: Db, table: typeof posts | typeof threads, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: table.id, authorId: table.authorId }).from(table).where(sql`${table.id} = any(${intArray(ids)})`);
  return new Map(rows.map((row) => [row.id, row.authorId]));
}
