import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { notifications, postFlags } from '@/db/schema';
import type { Viewer } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { flagPost } from '../moderation/flag-post';
import { getThreadPage } from '../threads/get-thread-page';
import { createReply } from './create-reply';
import { deletePost } from './delete-post';
import { hidePost, unhidePost } from './hide-post';

const ctxOf = (viewer: Viewer) => ({ db: testDb(), viewer });

async function scene() {
  const { group, thread, owner } = await createThreadFixture();
  const author = viewerOf(await createMember());
  const reader = viewerOf(await createMember());
  await addToGroup(group.id, author.id);
  await addToGroup(group.id, reader.id);
  const { postId } = await createReply(ctxOf(author), { threadId: thread.id, body: 'Questionable offer' });
  const bodyFor = async (viewer: Viewer) => (await getThreadPage(ctxOf(viewer), thread.id, 1)).posts.find((p) => p.id === postId)!.bodyHtml;
  return { thread, moderator: viewerOf(owner), author, reader, postId, bodyFor };
}

describe('hiding a post', () => {
  it('a moderator hides a post from readers (its author still sees it, and is told why), then shows it again', async () => {
    const { moderator, author, reader, postId, bodyFor } = await scene();
    await hidePost(ctxOf(moderator), { postId, reason: 'Checking with the author' });
    expect(await bodyFor(reader)).toBeNull();
    expect(await bodyFor(author)).toContain('Questionable offer');
    const told = await testDb().select().from(notifications).where(and(eq(notifications.memberId, author.id), eq(notifications.kind, 'moderation')));
    expect(told.map((n) => n.data)).toEqual([{ action: 'hide_post', reason: 'Checking with the author' }]);
    await unhidePost(ctxOf(moderator), { postId });
    expect(await bodyFor(reader)).toContain('Questionable offer');
  });

  it('settles open flags with the decision', async () => {
    const { moderator, reader, postId } = await scene();
    await flagPost(ctxOf(reader), { postId, reason: 'spam' });
    await hidePost(ctxOf(moderator), { postId });
    const [flag] = await testDb().select().from(postFlags).where(eq(postFlags.postId, postId));
    expect(flag).toMatchObject({ resolution: 'agreed', resolvedById: moderator.id });
  });

  it('refuses members, a post hidden twice, one not hidden, and a deleted post, changing nothing', async () => {
    const { moderator, author, reader, postId, bodyFor } = await scene();
    await expect(hidePost(ctxOf(reader), { postId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(unhidePost(ctxOf(moderator), { postId })).rejects.toThrow('This post is not hidden.');
    await hidePost(ctxOf(moderator), { postId });
    await expect(hidePost(ctxOf(moderator), { postId })).rejects.toBeInstanceOf(ConflictError);
    await unhidePost(ctxOf(moderator), { postId });
    await deletePost(ctxOf(author), { postId });
    await expect(hidePost(ctxOf(moderator), { postId })).rejects.toThrow('This post was deleted: restore it first.');
    expect(await bodyFor(reader)).toBeNull();
  });
});
