import { count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { postRevisions, posts } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors';
import { canEditPost } from '../permissions';
import { enqueueSearchUpdate } from '../search/search-outbox';
import { parseInput } from '../validate';
import { getReadablePost } from './post-access';
import { languageOf, moderationReason, postBody, postLanguage, recordId } from './post-schemas';
import { parseMentions } from '../notifications/mentions';
import { enqueueNotificationJob } from '../notifications/notification-jobs';
import { assertMayPost, assertNotSilenced } from './posting-limits';
import { renderMarkdown } from './render-markdown';
import { recordModeration } from '../moderation/record-moderation';

export const editPostSchema = z.object({
  postId: recordId,
  body: postBody,
  language: postLanguage,
  reason: moderationReason,
});

/**
 * Replaces a post's text, keeping every version in post_revisions: the first edit
 * also files the original as revision 1, so the history always shows where a post began.
 * A moderator editing someone else's post must say why; the reason is kept with the
 * revision and in the moderation log.
 */
export async function editPost(ctx: SignedInCtx, input: unknown): Promise<{ postId: number; threadId: number; number: number }> {
  const data = parseInput(editPostSchema, input);
  const editor = ctx.viewer;
  return ctx.db.transaction(async (tx) => {
    const { post, thread, group } = await getReadablePost({ db: tx, viewer: editor }, data.postId, { lock: true });
    if (thread.archived) throw new ConflictError('This thread is archived: its posts are kept as they are.');
    if (post.deletedAt) throw new ConflictError('This post was deleted and can no longer be edited.');
    assertNotSilenced(editor, group);
    if (!canEditPost(editor, group, post)) throw new ForbiddenError('You can only edit your own posts.');
    const moderating = editor.id !== post.authorId;
    if (moderating && !data.reason) {
      throw new InvalidInputError('Say why you are changing someone else\'s post: the reason is kept in its history.', { reason: ['Give a reason.'] });
    }
    const ref = { postId: post.id, threadId: thread.id, number: post.number };
    const language = languageOf(data.body, data.language);
    if (data.body === post.body) {
      if (language !== post.language) {
        await tx.update(posts).set({ language }).where(eq(posts.id, post.id));
        await enqueueSearchUpdate(tx, 'post', post.id);
      }
      return ref;
    }

    const bodyHtml = renderMarkdown(data.body);
    await assertMayPost(tx, editor, group, { kind: 'edit', body: data.body, bodyHtml });
    const [{ value: revisions } = { value: 0 }] = await tx
      .select({ value: count() })
      .from(postRevisions)
      .where(eq(postRevisions.postId, post.id));
    const history = revisions === 0 ? [{ revision: 1, body: post.body, writtenAt: post.createdAt, writtenById: post.authorId, reason: null }] : [];
    const now = new Date();
    await tx.insert(postRevisions).values([
      ...history.map((h) => ({ postId: post.id, ...h })),
      { postId: post.id, revision: Math.max(revisions, 1) + 1, body: data.body, writtenAt: now, writtenById: editor.id, reason: data.reason ?? null },
    ]);
    await tx
      .update(posts)
      .set({ body: data.body, bodyHtml, language, editedAt: sql`${now.toISOString()}::timestamptz` })
      .where(eq(posts.id, post.id));
    await enqueueSearchUpdate(tx, 'post', post.id);
    // People the author newly mentions are told, as if the post were new; a moderator's edit speaks for nobody.
    const before = new Set(parseMentions(post.body));
    if (!moderating && parseMentions(data.body).some((handle) => !before.has(handle))) await enqueueNotificationJob(tx, post.id, { mentionsOnly: true });
    if (moderating) {
      await recordModeration(tx, { groupId: group.id, actorId: editor.id, action: 'edit_post', threadId: thread.id, postId: post.id, reason: data.reason });
    }
    return ref;
  });
}
