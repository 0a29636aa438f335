import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { groups, moderationLog, posts, searchPosts, threads } from '@/db/schema';
import { drainSearchOutboxAlone } from '@/db/test/search-drain';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors';
import { createReply } from './create-reply';
import { deletePost, restorePost } from './delete-post';
import { editPost } from './edit-post';
import { listRevisions } from './list-revisions';

async function chapterWithReply() {
  const fixture = await createThreadFixture();
  const member = await createMember();
  await addToGroup(fixture.group.id, member.id);
  const moderator = await createMember();
  await addToGroup(fixture.group.id, moderator.id, 'moderator');
  const reply = await createReply({ db: testDb(), viewer: viewerOf(member) }, { threadId: fixture.thread.id, body: 'Buy cheap watches here' });
  return { ...fixture, member: viewerOf(member), moderator: viewerOf(moderator), reply };
}

async function state(postId: number, threadId: number, groupId: number) {
  const [post] = await testDb().select().from(posts).where(eq(posts.id, postId));
  const [thread] = await testDb().select().from(threads).where(eq(threads.id, threadId));
  const [group] = await testDb().select().from(groups).where(eq(groups.id, groupId));
  const log = await testDb().select().from(moderationLog).where(eq(moderationLog.postId, postId));
  // What search shows once every queued change is applied. Counting the post's queued changes
  // instead would race with other test files, whose drains take every row that is due.
  await drainSearchOutboxAlone();
  const indexed = await testDb().select().from(searchPosts).where(eq(searchPosts.postId, postId));
  return { post: post!, replyCount: thread!.replyCount, postCount: group!.postCount, log, searchable: indexed.length > 0 };
}

describe('moderators delete and restore posts', () => {
  it('a moderator deletes a member\'s post with a reason: counters, search index and the log follow', async () => {
    const { group, thread, moderator, reply } = await chapterWithReply();
    const before = await state(reply.postId, thread.id, group.id);
    await deletePost({ db: testDb(), viewer: moderator }, { postId: reply.postId, reason: 'Spam' });
    const after = await state(reply.postId, thread.id, group.id);
    expect(after.post).toMatchObject({ deletedById: moderator.id });
    expect(after.post.deletedAt).not.toBeNull();
    expect(after.replyCount).toBe(before.replyCount - 1);
    expect(after.postCount).toBe(before.postCount - 1);
    expect(after.log).toMatchObject([{ action: 'delete_post', actorId: moderator.id, threadId: thread.id, reason: 'Spam' }]);
    expect([before.searchable, after.searchable]).toEqual([true, false]);
  });

  it('a member cannot delete someone else\'s post, and a moderator of another group cannot either', async () => {
    const { group, thread, reply } = await chapterWithReply();
    const other = await createThreadFixture();
    const before = await state(reply.postId, thread.id, group.id);
    const bystander = await createMember();
    await addToGroup(group.id, bystander.id);
    await expect(deletePost({ db: testDb(), viewer: viewerOf(bystander) }, { postId: reply.postId })).rejects.toBeInstanceOf(ForbiddenError);
    await addToGroup(group.id, other.owner.id);
    await expect(deletePost({ db: testDb(), viewer: viewerOf(other.owner) }, { postId: reply.postId })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await state(reply.postId, thread.id, group.id)).toEqual(before);
  });

  it('the moderator restores it; its author could not, and restoring twice is refused', async () => {
    const { group, thread, member, moderator, reply } = await chapterWithReply();
    const before = await state(reply.postId, thread.id, group.id);
    await deletePost({ db: testDb(), viewer: moderator }, { postId: reply.postId });
    await expect(restorePost({ db: testDb(), viewer: member }, { postId: reply.postId })).rejects.toBeInstanceOf(ForbiddenError);
    await restorePost({ db: testDb(), viewer: moderator }, { postId: reply.postId, reason: 'Not spam after all' });
    const after = await state(reply.postId, thread.id, group.id);
    expect(after.post).toMatchObject({ deletedAt: null, deletedById: null });
    expect([after.replyCount, after.postCount]).toEqual([before.replyCount, before.postCount]);
    expect(after.log.map((entry) => entry.action).sort()).toEqual(['delete_post', 'restore_post']);
    expect(after.searchable).toBe(true);
    await expect(restorePost({ db: testDb(), viewer: moderator }, { postId: reply.postId })).rejects.toBeInstanceOf(ConflictError);
  });

  it('an author brings back a post they deleted themselves, without a moderation record', async () => {
    const { group, thread, member, reply } = await chapterWithReply();
    await deletePost({ db: testDb(), viewer: member }, { postId: reply.postId });
    await restorePost({ db: testDb(), viewer: member }, { postId: reply.postId });
    const after = await state(reply.postId, thread.id, group.id);
    expect(after.post.deletedAt).toBeNull();
    expect(after.log).toEqual([]);
  });

  it('a moderator edits a member\'s post only with a reason, which the history and the log keep', async () => {
    const { group, thread, member, moderator, reply } = await chapterWithReply();
    const mod = { db: testDb(), viewer: moderator };
    await expect(editPost(mod, { postId: reply.postId, body: 'Removed a link to a scam.' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(editPost({ db: testDb(), viewer: (await chapterWithReply()).member }, { postId: reply.postId, body: 'Mine now' })).rejects.toBeInstanceOf(ForbiddenError);
    await editPost(mod, { postId: reply.postId, body: 'Removed a link to a scam.', reason: 'Link to a scam site' });
    const after = await state(reply.postId, thread.id, group.id);
    expect(after.post.body).toBe('Removed a link to a scam.');
    expect(after.log).toMatchObject([{ action: 'edit_post', actorId: moderator.id, reason: 'Link to a scam site' }]);
    const history = await listRevisions({ db: testDb(), viewer: member }, reply.postId);
    expect(JSON.stringify(history)).toContain('Link to a scam site');
  });
});
