import { z } from 'zod';
import { threads } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { ForbiddenError } from '../errors';
import { getReadableGroup } from '../groups/group-access';
import { canStartThread } from '../permissions';
import { oncePerSubmission, type PostRef } from '../posts/find-submitted-post';
import { insertPost } from '../posts/insert-post';
import { idempotencyKey, languageOf, postBody, postLanguage } from '../posts/post-schemas';
import { assertMayPost, assertNotSilenced } from '../posts/posting-limits';
import { renderMarkdown } from '../posts/render-markdown';
import { THREAD_TITLE_MAX_LENGTH, THREAD_TITLE_MIN_LENGTH } from '../rules';
import { parseInput } from '../validate';

export const createThreadSchema = z.object({
  groupSlug: z.string({ error: 'Choose a group.' }).min(1, 'Choose a group.').max(100, 'No such group.'),
  title: z
    .string({ error: 'Give the thread a title.' })
    .trim()
    .min(THREAD_TITLE_MIN_LENGTH, `Titles need at least ${THREAD_TITLE_MIN_LENGTH} characters.`)
    .max(THREAD_TITLE_MAX_LENGTH, `Titles are limited to ${THREAD_TITLE_MAX_LENGTH} characters.`),
  body: postBody,
  language: postLanguage,
  idempotencyKey,
});

/** Starts a thread: the thread row, its opening post (number 1) and the group's counters, in one transaction. */
export async function createThread(ctx: SignedInCtx, input: unknown): Promise<PostRef> {
  const data = parseInput(createThreadSchema, input);
  const author = ctx.viewer;
  return oncePerSubmission(ctx.db, author.id, data.idempotencyKey, () =>
    ctx.db.transaction(async (tx) => {
      const group = await getReadableGroup({ db: tx, viewer: author }, { slug: data.groupSlug });
      assertNotSilenced(author, group);
      if (!canStartThread(author, group)) throw new ForbiddenError('Only members of this group can start threads. Join the group first.');
      const bodyHtml = renderMarkdown(data.body);
      await assertMayPost(tx, author, group, { kind: 'thread', body: data.body, bodyHtml });
      const [thread] = await tx
        .insert(threads)
        .values({ groupId: group.id, authorId: author.id, title: data.title, lastPostNumber: 1, lastPosterId: author.id })
        .returning({ id: threads.id });
      const opening = {
        threadId: thread!.id,
        groupId: group.id,
        authorId: author.id,
        body: data.body,
        bodyHtml,
        language: languageOf(data.body, data.language),
        replyToPostId: null,
        idempotencyKey: data.idempotencyKey,
      };
      return (await insertPost(tx, opening, { opening: true }))!;
    }),
  );
}
