import { bookmarks } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { canReadHiddenPost } from '../permissions';
import { getReadablePost } from '../posts/post-access';
import { parseInput } from '../validate';
import { bookmarkPostSchema } from './bookmark-schemas';

/**
 * Bookmarks a post the viewer may read, with an optional note and reminder. Bookmarking it
 * again replaces the note and the reminder (an empty field clears it), so the one form both
 * adds and edits.
 */
export async function bookmarkPost(ctx: SignedInCtx, input: unknown): Promise<{ postId: number }> {
  const { postId, note, remindAt } = parseInput(bookmarkPostSchema, input);
  const viewer = ctx.viewer;
  return ctx.db.transaction(async (tx) => {
    const { post, group } = await getReadablePost({ db: tx, viewer }, postId);
    if (post.deletedAt) throw new ConflictError('This post was deleted.');
    // A hidden post answers as missing to those who may not read it, as its thread page does.
    if (post.hiddenAt && !canReadHiddenPost(viewer, group, post)) throw new NotFoundError('No such post.');
    const values = { note: note ?? null, remindAt: remindAt ?? null };
    await tx
      .insert(bookmarks)
      .values({ memberId: viewer.id, postId: post.id, ...values })
      .onConflictDoUpdate({ target: [bookmarks.memberId, bookmarks.postId], set: values });
    return { postId: post.id };
  });
}
