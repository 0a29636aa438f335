import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { groups, posts, threads } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { createReply } from './create-reply';
import { deletePost } from './delete-post';
import { editPost } from './edit-post';
import { listRevisions } from './list-revisions';

async function post(id: number) {
  const [row] = await testDb().select().from(posts).where(eq(posts.id, id));
  return row!;
}

describe('editPost', () => {
  it('replaces the text, marks the post edited and keeps every version', async () => {
    const { owner, openingPostId } = await createThreadFixture();
    const ctx = { db: testDb(), viewer: viewerOf(owner) };
    await editPost(ctx, { postId: openingPostId, body: 'Who knows a good **notary** in Rabat?', reason: 'city' });
    await editPost(ctx, { postId: openingPostId, body: 'Who knows a good notary in Fès?' });
    const edited = await post(openingPostId);
    expect(edited.body).toBe('Who knows a good notary in Fès?');
    expect(edited.editedAt).not.toBeNull();
    const history = await listRevisions(ctx, openingPostId);
    expect(history.revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(history.revisions[0]!.bodyHtml).toContain('Who knows a good notary?');
    expect(history.revisions[1]).toMatchObject({ reason: 'city', writerName: owner.name });
    expect(history.revisions[1]!.bodyHtml).toContain('<strong>notary</strong>');
  });

  it('changes nothing when the text is the same', async () => {
    const { owner, openingPostId } = await createThreadFixture();
    await editPost({ db: testDb(), viewer: viewerOf(owner) }, { postId: openingPostId, body: 'Who knows a good notary?' });
    expect((await post(openingPostId)).editedAt).toBeNull();
  });

  it("refuses to edit someone else's post, and hides history of private posts from outsiders", async () => {
    const { owner, openingPostId, group } = await createThreadFixture({ visibility: 'private' });
    const other = await createMember();
    await addToGroup(group.id, other.id);
    await expect(editPost({ db: testDb(), viewer: viewerOf(other) }, { postId: openingPostId, body: 'hijack' })).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = viewerOf(await createMember());
    await expect(editPost({ db: testDb(), viewer: outsider }, { postId: openingPostId, body: 'hijack' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRevisions({ db: testDb(), viewer: outsider }, openingPostId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRevisions({ db: testDb(), viewer: null }, openingPostId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await post(openingPostId)).body).toBe('Who knows a good notary?');
    expect(owner).toBeDefined();
  });
});

describe('deletePost', () => {
  it('soft-deletes: the number stays, the text is hidden, the counters drop', async () => {
    const { owner, thread, group } = await createThreadFixture();
    const ctx = { db: testDb(), viewer: viewerOf(owner) };
    const reply = await createReply(ctx, { threadId: thread.id, body: 'Oops, wrong thread' });
    await deletePost(ctx, { postId: reply.postId });
    const row = await post(reply.postId);
    expect(row.deletedAt).not.toBeNull();
    expect(row.deletedById).toBe(owner.id);
    expect(row.number).toBe(2);
    const [t] = await testDb().select().from(threads).where(eq(threads.id, thread.id));
    expect(t).toMatchObject({ replyCount: 0, lastPostNumber: 2 });
    const [g] = await testDb().select().from(groups).where(eq(groups.id, group.id));
    expect(g!.postCount).toBe(1);
    await expect(deletePost(ctx, { postId: reply.postId })).rejects.toBeInstanceOf(ConflictError);
    await expect(editPost(ctx, { postId: reply.postId, body: 'back' })).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses to delete someone else's post", async () => {
    const { openingPostId, group } = await createThreadFixture();
    const other = await createMember();
    await addToGroup(group.id, other.id);
    await expect(deletePost({ db: testDb(), viewer: viewerOf(other) }, { postId: openingPostId })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await post(openingPostId)).deletedAt).toBeNull();
  });
});
