import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { groups, posts, threads } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors';
import { canReplyToThread, isClosed } from '../permissions';
import { enqueueNotificationJob } from '../notifications/notification-jobs';
import { trackByDefault } from '../notifications/notification-levels';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { markRead } from '../threads/mark-read';
import { getReadableThread } from '../threads/thread-access';
import { parseInput } from '../validate';
import { oncePerSubmission, type PostRef } from './find-submitted-post';
import { idempotencyKey, languageOf, postBody, postLanguage, recordId } from './post-schemas';
import { assertMayPost, assertNotSilenced } from './posting-limits';
import { renderMarkdown } from './render-markdown';

export const createReplySchema = z.object({
  threadId: recordId,
  body: postBody,
  language: postLanguage,
  /** The post being answered (and quoted), by its number in the thread. */
  replyToNumber: recordId.optional(),
  idempotencyKey,
});

/**
 * Adds a reply. The thread row is locked while the reply takes the next number, so
 * concurrent replies get unique, gap-free numbers (a failed insert rolls its number
 * back with it) and the counters stay exact.
 */
export async function createReply(ctx: SignedInCtx, input: unknown): Promise<PostRef> {
  const data = parseInput(createReplySchema, input);
  const author = ctx.viewer;
  return oncePerSubmission(ctx.db, author.id, data.idempotencyKey, () =>
    ctx.db.transaction(async (tx) => {
      const { thread, group } = await getReadableThread({ db: tx, viewer: author }, data.threadId, { lock: true });
      if (isClosed(thread)) throw new ConflictError('This thread is closed: it takes no new replies.');
      if (thread.archived) throw new ConflictError('This thread is archived: it is kept read-only.');
      assertNotSilenced(author, group);
      if (!canReplyToThread(author, group, thread)) throw new ForbiddenError('Only members of this group can reply. Join the group first.');
      const bodyHtml = renderMarkdown(data.body);
      await assertMayPost(tx, author, group, { kind: 'reply', body: data.body, bodyHtml });
      const replyToPostId = data.replyToNumber ? await quotedPostId(tx, thread.id, data.replyToNumber) : null;
      const number = thread.lastPostNumber + 1;
      const [post] = await tx
        .insert(posts)
        .values({
          threadId: thread.id,
          number,
          authorId: author.id,
          body: data.body,
          bodyHtml,
          language: languageOf(data.body, data.language),
          replyToPostId,
          idempotencyKey: data.idempotencyKey,
        })
        .returning({ id: posts.id });
      await tx
        .update(threads)
        .set({ lastPostNumber: number, replyCount: sql`${threads.replyCount} + 1`, lastPostedAt: sql`now()`, lastPosterId: author.id })
        .where(eq(threads.id, thread.id));
      await enqueueSearchUpdate(tx, 'post', post!.id);
      await enqueueNotificationJob(tx, post!.id);
      await trackByDefault(tx, author.id, thread.id);
      await markRead(tx, author.id, thread.id, number);
      // Last, because every reply in the group waits for this row until the commit.
      await tx
        .update(groups)
        .set({ postCount: sql`${groups.postCount} + 1`, lastPostedAt: sql`now()` })
        .where(eq(groups.id, group.id));
      return { postId: post!.id, threadId: thread.id, number };
    }),
  );
}

async function quotedPostId(tx: SignedInCtx['db'], threadId: number, number: number): Promise<number> {
  const [target] = await tx
    .select({ id: posts.id, deletedAt: posts.deletedAt })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), eq(posts.number, number)))
    .limit(1);
  if (!target || target.deletedAt) {
    throw new InvalidInputError('The post you are replying to is not in this thread any more.', {
      replyToNumber: ['No such post in this thread.'],
    });
  }
  return target.id;
}
