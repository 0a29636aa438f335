import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { intArray } from '@/db/sql-arrays';
import { groups, members, posts, threads } from '@/db/schema';
import type { Ctx, SignedInCtx } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { canModerateGroup } from '../permissions';
import { moderationReason, recordId } from '../posts/post-schemas';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { markdownToText } from '../search/plain-text';
import { createThreadSchema } from '../threads/create-thread';
import { getReadableThread } from '../threads/thread-access';
import { recountThread } from '../threads/thread-counters';
import { parseInput } from '../validate';
import { recordModeration } from './record-moderation';

/** Enough for any real digression, and a bound on one transaction's work. */
export const SPLIT_MAX_POSTS = 200;

const CHOOSE_POSTS = 'Choose the posts to move into the new thread.';

export const splitThreadSchema = z.object({
  threadId: recordId,
  /** Post numbers: a list (checkboxes), or one string of numbers separated by spaces or commas. */
  postNumbers: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value ?? []),
    z
      .array(z.coerce.number({ error: CHOOSE_POSTS }).int(CHOOSE_POSTS).positive(CHOOSE_POSTS).max(2 ** 31 - 1, CHOOSE_POSTS), { error: CHOOSE_POSTS })
      .min(1, CHOOSE_POSTS)
      .max(SPLIT_MAX_POSTS, `Move at most ${SPLIT_MAX_POSTS} posts at a time.`)
      .transform((numbers) => [...new Set(numbers)].sort((a, b) => a - b)),
  ),
  title: createThreadSchema.shape.title,
  reason: moderationReason,
});

/**
 * Moves some replies of a thread into a new thread of the same group, for a digression that
 * deserves its own title. The new thread is the first moved post's author's, its posts are
 * numbered 1… in their old order, and the old thread keeps its other posts under their numbers
 * (links to them stay valid; the moved ones now live at the new thread's addresses, reachable
 * through their /p/<id> permalinks). Replies that answered a post now in the other thread keep
 * their link: it still names the right post.
 */
export async function splitThread(ctx: SignedInCtx, input: unknown): Promise<{ threadId: number; groupSlug: string }> {
  const data = parseInput(splitThreadSchema, input);
  const moderator = ctx.viewer;
  return ctx.db.transaction(async (tx) => {
    // The lock holds replies back: none can take a number while numbers are being handed out.
    const { thread, group } = await getReadableThread({ db: tx, viewer: moderator }, data.threadId, { lock: true });
    if (!canModerateGroup(moderator, group)) throw new ForbiddenError('Only the moderators of this group can do that.');
    if (data.postNumbers.includes(1)) {
      throw new InvalidInputError('The opening post stays with its thread: choose replies only.', { postNumbers: ['The opening post stays with its thread: choose replies only.'] });
    }
    const chosen = await tx
      .select({ id: posts.id, number: posts.number, authorId: posts.authorId, createdAt: posts.createdAt, deletedAt: posts.deletedAt })
      .from(posts)
      .where(and(eq(posts.threadId, thread.id), inArray(posts.number, data.postNumbers)))
      .orderBy(asc(posts.number))
      .for('update');
    if (chosen.length !== data.postNumbers.length) {
      throw new InvalidInputError('Some of the chosen posts are not in this thread.', { postNumbers: ['Some of the chosen posts are not in this thread.'] });
    }
    if (chosen.some((post) => post.deletedAt !== null)) throw new ConflictError('Deleted posts cannot be moved: restore them first.');

    const first = chosen[0]!;
    const [created] = await tx
      .insert(threads)
      .values({ groupId: group.id, authorId: first.authorId, title: data.title, createdAt: first.createdAt, lastPostedAt: first.createdAt })
      .returning({ id: threads.id });
    const newThreadId = created!.id;
    // The new thread has no posts yet, so numbering 1…k in one statement cannot collide with anything.
    await tx.execute(sql`
      update posts p set thread_id = ${newThreadId}, number = m.ord
      from unnest(${intArray(chosen.map((post) => post.id))}) with ordinality as m(id, ord)
      where p.id = m.id`);
    await recountThread(tx, thread.id);
    await recountThread(tx, newThreadId);
    await tx.update(groups).set({ threadCount: sql`${groups.threadCount} + 1` }).where(eq(groups.id, group.id));

    // Moved posts change thread (and the first becomes an opening post carrying the title); both threads' reply counts changed.
    await enqueueSearchUpdate(tx, 'post', chosen.map((post) => post.id));
    await enqueueSearchUpdate(tx, 'thread', [thread.id, newThreadId]);
    await recordModeration(tx, { groupId: group.id, actorId: moderator.id, action: 'split_thread', threadId: thread.id, reason: data.reason ?? null });
    return { threadId: newThreadId, groupSlug: group.slug };
  });
}

/** Posts listed per page of the split form. */
export const SPLIT_PAGE_SIZE = SPLIT_MAX_POSTS;
const EXCERPT_LENGTH = 160;

/**
 * The posts a moderator may pick from on the split page, a page at a time: number, author and
 * an excerpt (hidden posts included: moderators read them). Anyone else is told "not found".
 */
export async function listSplitCandidates(ctx: Ctx, threadId: number, page: number) {
  const { thread, group } = await getReadableThread(ctx, threadId);
  if (!canModerateGroup(ctx.viewer, group)) throw new NotFoundError('No such thread.');
  const pageCount = Math.max(1, Math.ceil(thread.lastPostNumber / SPLIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const from = (current - 1) * SPLIT_PAGE_SIZE + 1;
  const rows = await ctx.db
    .select({ number: posts.number, body: posts.body, deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt, authorName: members.name })
    .from(posts)
    .innerJoin(members, eq(members.id, posts.authorId))
    .where(and(eq(posts.threadId, thread.id), between(posts.number, from, from + SPLIT_PAGE_SIZE - 1)))
    .orderBy(asc(posts.number));
  return {
    thread,
    group,
    page: current,
    pageCount,
    posts: rows.map((row) => ({
      number: row.number,
      authorName: row.authorName,
      deleted: row.deletedAt !== null,
      hidden: row.hiddenAt !== null,
      excerpt: row.deletedAt ? '' : markdownToText(row.body).slice(0, EXCERPT_LENGTH),
    })),
  };
}
