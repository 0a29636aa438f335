import { and, asc, count, eq, gt, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { posts, threads } from '@/db/schema';
import { intArray } from '@/db/sql-arrays';
import { markdownToText } from '../plain-text';

/** One visible post as Meilisearch holds it; the thread's fields are repeated on each of its posts. */
export type PostDocument = {
  id: number;
  threadId: number;
  groupId: number;
  authorId: number;
  /** Unix seconds: Meilisearch filters and sorts numbers, not dates. */
  postedAt: number;
  isOpening: boolean;
  title: string;
  body: string;
  language: string | null;
  replyCount: number;
  closed: boolean;
  pinned: boolean;
  archived: boolean;
};

const visible = and(isNull(posts.deletedAt), isNull(posts.hiddenAt), isNull(threads.deletedAt));

export const postsWithIds = (ids: number[]): SQL => sql`${posts.id} = any(${intArray(ids)})`;
export const postsOfThreads = (ids: number[]): SQL => sql`${posts.threadId} = any(${intArray(ids)})`;

/** Up to `limit` visible posts chosen by `where`, with ids above `afterId`, in id order. */
export async function readPostDocuments(db: Db, where: SQL | undefined, afterId: number, limit: number): Promise<PostDocument[]> {
  const rows = await db
    .select({
      id: posts.id,
      threadId: posts.threadId,
      groupId: threads.groupId,
      authorId: posts.authorId,
      createdAt: posts.createdAt,
      number: posts.number,
      title: threads.title,
      body: posts.body,
      language: posts.language,
      replyCount: threads.replyCount,
      closed: threads.closed,
      pinned: threads.pinned,
      archived: threads.archived,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(and(visible, gt(posts.id, afterId), where))
    .orderBy(asc(posts.id))
    .limit(limit);
  return rows.map(({ createdAt, number, body, ...row }) => ({
    ...row,
    postedAt: Math.floor(createdAt.getTime() / 1000),
    isOpening: number === 1,
    body: markdownToText(body),
  }));
}

/** Rows read in id order a batch at a time, so a long thread or the whole archive is never held in memory at once. */
async function* batches<T extends { id: number }>(read: (afterId: number, limit: number) => Promise<T[]>, batchSize: number): AsyncGenerator<T[]> {
  for (let afterId = 0; ; ) {
    const batch = await read(afterId, batchSize);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    afterId = batch[batch.length - 1]!.id;
  }
}

export function postDocumentBatches(db: Db, where: SQL, batchSize: number): AsyncGenerator<PostDocument[]> {
  return batches((afterId, limit) => readPostDocuments(db, where, afterId, limit), batchSize);
}

/** The thread's reply count, as a partial document for each visible post of the threads. */
export function replyCountBatches(db: Db, threadIds: number[], batchSize: number): AsyncGenerator<Pick<PostDocument, 'id' | 'replyCount'>[]> {
  return batches(
    (afterId, limit) =>
      db
        .select({ id: posts.id, replyCount: threads.replyCount })
        .from(posts)
        .innerJoin(threads, eq(threads.id, posts.threadId))
        .where(and(visible, gt(posts.id, afterId), postsOfThreads(threadIds)))
        .orderBy(asc(posts.id))
        .limit(limit),
    batchSize,
  );
}

/** The threads these posts belong to, deleted posts included. */
export async function threadsOfPosts(db: Db, postIds: number[]): Promise<number[]> {
  const rows = await db.selectDistinct({ threadId: posts.threadId }).from(posts).where(postsWithIds(postIds));
  return rows.map((row) => row.threadId);
}

export async function countVisiblePosts(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(posts).innerJoin(threads, eq(threads.id, posts.threadId)).where(visible);
  return row?.n ?? 0;
}

/** Those of `threadIds` that still exist and are not deleted. */
export async function liveThreadIds(db: Db, threadIds: number[]): Promise<Set<number>> {
  const rows = await db
    .select({ id: threads.id })
    .from(threads)
    .where(and(sql`${threads.id} = any(${intArray(threadIds)})`, isNull(threads.deletedAt)));
  return new Set(rows.map((row) => row.id));
}

/** Those of `postIds` still visible. */
export async function visiblePostIds(db: Db, postIds: number[]): Promise<Set<number>> {
  const rows = await db
    .select({ id: posts.id })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(and(visible, postsWithIds(postIds)));
  return new Set(rows.map((row) => row.id));
}

/** The deleted (or hidden) posts of a thread, or null when the thread itself is deleted. */
export async function deletedPostIdsOfThread(db: Db, threadId: number): Promise<Set<number> | null> {
  const [thread] = await db.select({ deletedAt: threads.deletedAt }).from(threads).where(eq(threads.id, threadId));
  if (!thread || thread.deletedAt) return null;
  const rows = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), or(isNotNull(posts.deletedAt), isNotNull(posts.hiddenAt))));
  return new Set(rows.map((row) => row.id));
}
