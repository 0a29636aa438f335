import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { posts } from '@/db/schema';
import { isUniqueViolation } from '../db-errors';

export type PostRef = { postId: number; threadId: number; number: number };

/** The post an earlier submission with this key already created, if any. */
export async function findSubmittedPost(db: Db, authorId: number, key: string | undefined): Promise<PostRef | null> {
  if (!key) return null;
  const [row] = await db
    .select({ postId: posts.id, threadId: posts.threadId, number: posts.number })
    .from(posts)
    .where(and(eq(posts.authorId, authorId), eq(posts.idempotencyKey, key)))
    .limit(1);
  return row ?? null;
}

/**
 * Runs a post-creating transaction so that a duplicate submission returns the first
 * post: checked before writing, and — for two copies racing each other — by the
 * unique (author, key) constraint, whose violation rolls the copy back whole.
 */
export async function oncePerSubmission(
  db: Db,
  authorId: number,
  key: string | undefined,
  create: () => Promise<PostRef>,
): Promise<PostRef> {
  const earlier = await findSubmittedPost(db, authorId, key);
  if (earlier) return earlier;
  try {
    return await create();
  } catch (error) {
    const raced = isUniqueViolation(error, 'posts_author_idempotency_key') && (await findSubmittedPost(db, authorId, key));
    if (raced) return raced;
    throw error;
  }
}
