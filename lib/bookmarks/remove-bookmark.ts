import { and, eq } from 'drizzle-orm';
import { bookmarks } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { parseInput } from '../validate';
import { removeBookmarkSchema } from './bookmark-schemas';

/**
 * Removes the viewer's bookmark on a post, whether or not they can still read it (it is their
 * own row). Removing one already gone is no error: a double click, or two open tabs.
 */
export async function removeBookmark(ctx: SignedInCtx, input: unknown): Promise<{ removed: boolean }> {
  const { postId } = parseInput(removeBookmarkSchema, input);
  const removed = await ctx.db
    .delete(bookmarks)
    .where(and(eq(bookmarks.memberId, ctx.viewer.id), eq(bookmarks.postId, postId)))
    .returning({ postId: bookmarks.postId });
  return { removed: removed.length > 0 };
}
