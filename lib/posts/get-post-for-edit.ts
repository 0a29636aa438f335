import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { canEditPost } from '../permissions';
import { getReadablePost } from './post-access';

/** A post the viewer may edit, with its current Markdown; anyone else is told it does not exist. */
export async function getPostForEdit(ctx: Ctx, postId: number) {
  const { post, thread, group } = await getReadablePost(ctx, postId);
  if (!canEditPost(ctx.viewer, group, post)) throw new NotFoundError('No such post.');
  return { post: { id: post.id, number: post.number, body: post.body, language: post.language }, thread: { id: thread.id, title: thread.title } };
}
