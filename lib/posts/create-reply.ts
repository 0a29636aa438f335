import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { posts } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { getReadableGroup } from '../groups/group-access';
import { canReplyToThread, isClosed } from '../permissions';
import { getReadableThread, lockThreadForPosting } from '../threads/thread-access';
import { parseInput } from '../validate';
import { oncePerSubmission, type PostRef } from './find-submitted-post';
import { insertPost } from './insert-post';
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
 * back with it) and the counters stay exact. Whether the thread still takes replies is
 * decided under that lock; the group is read before it, so the lock is held only for the write.
 */
export async function createReply(ctx: SignedInCtx, input: unknown): Promise<PostRef> {
  const data = parseInput(createReplySchema, input);
  const author = ctx.viewer;
  return oncePerSubmission(ctx.db, author.id, data.idempotencyKey, async () => {
    const { group: readGroup } = await getReadableThread(ctx, data.threadId);
    const bodyHtml = renderMarkdown(data.body);
    return ctx.db.transaction(async (tx) => {
      const thread = await lockThreadForPosting(tx, data.threadId);
      if (!thread) throw new NotFoundError('No such thread.');
      // Moved to another group in the meantime: its standing there is what counts.
      const group = thread.groupId === readGroup.id ? readGroup : await getReadableGroup({ db: tx, viewer: author }, { id: thread.groupId });
      if (isClosed(thread)) throw new ConflictError('This thread is closed: it takes no new replies.');
      if (thread.archived) throw new ConflictError('This thread is archived: it is kept read-only.');
      assertNotSilenced(author, group);
      if (!canReplyToThread(author, group, thread)) throw new ForbiddenError('Only members of this group can reply. Join the group first.');
      await assertMayPost(tx, author, group, { kind: 'reply', body: data.body, bodyHtml });
      const replyToPostId = data.replyToNumber ? await quotedPostId(tx, data.threadId, data.replyToNumber) : null;
      const number = thread.lastPostNumber + 1;
      const postId = await insertPost(tx, {
        threadId: data.threadId,
        groupId: group.id,
        number,
        authorId: author.id,
        body: data.body,
        bodyHtml,
        language: languageOf(data.body, data.language),
        replyToPostId,
        idempotencyKey: data.idempotencyKey,
      });
      return { postId, threadId: data.threadId, number };
    });
  });
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
