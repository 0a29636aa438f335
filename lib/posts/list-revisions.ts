import { asc, eq } from 'drizzle-orm';
import { members, postRevisions } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { canReadHiddenPost } from '../permissions';
import { getReadablePost } from './post-access';
import { renderMarkdown } from './render-markdown';

/** A post's edit history, oldest first; only for readers of its group, never for a deleted post, and for a hidden one only to those who may read it. */
export async function listRevisions(ctx: Ctx, postId: number) {
  const { post, thread, group } = await getReadablePost(ctx, postId);
  if (post.deletedAt) throw new NotFoundError('This post was deleted.');
  if (post.hiddenAt && !canReadHiddenPost(ctx.viewer, group, post)) throw new NotFoundError('No such post.');
  const rows = await ctx.db
    .select({ revision: postRevisions, writerName: members.name })
    .from(postRevisions)
    .innerJoin(members, eq(members.id, postRevisions.writtenById))
    .where(eq(postRevisions.postId, post.id))
    .orderBy(asc(postRevisions.revision));
  return {
    post: { id: post.id, number: post.number },
    thread: { id: thread.id, title: thread.title },
    revisions: rows.map(({ revision, writerName }) => ({
      revision: revision.revision,
      writtenAt: revision.writtenAt,
      writerName,
      reason: revision.reason,
      bodyHtml: renderMarkdown(revision.body),
    })),
  };
}
