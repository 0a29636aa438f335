import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { posts } from '@/db/schema';
import type { SignedInCtx, Viewer } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { getReadableGroup, type GroupWithAccess } from '../groups/group-access';
import { canReplyToThread, isClosed, scheduledCloseAt, type ThreadState } from '../permissions';
import { getReadableThread, lockThreadForPosting } from '../threads/thread-access';
import { parseInput } from '../validate';
import { oncePerSubmission, type PostRef } from './find-submitted-post';
import { insertPost, stillOpenIn } from './insert-post';
import { idempotencyKey, languageOf, postBody, postLanguage, recordId } from './post-schemas';
import { assertMayPost, assertNotSilenced, repliesAreCounted } from './posting-limits';
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
 * Adds a reply. It takes the thread's next number under the thread row's lock, so concurrent
 * replies get unique, gap-free numbers (a failed insert rolls its number back with it) and the
 * counters stay exact. Most replies are written in one statement that holds that lock for
 * microseconds, on condition that the thread is still as checked; a reply counted against its
 * author's posting limits, in a thread with a close scheduled, or whose thread changed
 * meanwhile is decided again in a transaction that locks the thread first.
 */
export async function createReply(ctx: SignedInCtx, input: unknown): Promise<PostRef> {
  const data = parseInput(createReplySchema, input);
  const author = ctx.viewer;
  return oncePerSubmission(ctx.db, author.id, data.idempotencyKey, async () => {
    const { thread, group } = await getReadableThread(ctx, data.threadId);
    assertMayReply(author, group, thread);
    const bodyHtml = renderMarkdown(data.body);
    const post = {
      threadId: thread.id,
      groupId: group.id,
      authorId: author.id,
      body: data.body,
      bodyHtml,
      language: languageOf(data.body, data.language),
      replyToPostId: data.replyToNumber ? await quotedPostId(ctx.db, thread.id, data.replyToNumber) : null,
      idempotencyKey: data.idempotencyKey,
    };
    if (!scheduledCloseAt(thread) && !repliesAreCounted(author, group)) {
      const written = await insertPost(ctx.db, post, { opening: false, still: stillOpenIn(group.id) });
      if (written) return written;
    }
    return ctx.db.transaction(async (tx) => {
      const locked = await lockThreadForPosting(tx, thread.id);
      if (!locked) throw new NotFoundError('No such thread.');
      // Moved to another group in the meantime: its standing there is what counts.
      const lockedGroup = locked.groupId === group.id ? group : await getReadableGroup({ db: tx, viewer: author }, { id: locked.groupId });
      assertMayReply(author, lockedGroup, locked);
      await assertMayPost(tx, author, lockedGroup, { kind: 'reply', body: data.body, bodyHtml });
      return (await insertPost(tx, { ...post, groupId: lockedGroup.id }, { opening: false, still: sql`` }))!;
    });
  });
}

function assertMayReply(author: Viewer, group: GroupWithAccess, thread: ThreadState): void {
  if (isClosed(thread)) throw new ConflictError('This thread is closed: it takes no new replies.');
  if (thread.archived) throw new ConflictError('This thread is archived: it is kept read-only.');
  assertNotSilenced(author, group);
  if (!canReplyToThread(author, group, thread)) throw new ForbiddenError('Only members of this group can reply. Join the group first.');
}

async function quotedPostId(db: SignedInCtx['db'], threadId: number, number: number): Promise<number> {
  const [target] = await db
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
