import { describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { NotFoundError } from '../errors';
import { createReply } from '../posts/create-reply';
import { deletePost } from '../posts/delete-post';
import { firstUnreadPost, getThreadPage } from './get-thread-page';
import { createThread } from './create-thread';
import { listThreads } from './list-threads';

describe('thread pages', () => {
  it('pages by post number, 20 per page, and clamps out-of-range pages', async () => {
    const { thread, owner } = await createThreadFixture();
    const ctx = { db: testDb(), viewer: viewerOf(owner) };
    for (let i = 0; i < 44; i++) await createReply(ctx, { threadId: thread.id, body: `Reply ${i}` });
    const page3 = await getThreadPage({ db: testDb(), viewer: null }, thread.id, 3);
    expect(page3.pageCount).toBe(3);
    expect(page3.posts.map((p) => p.number)).toEqual([41, 42, 43, 44, 45]);
    expect((await getThreadPage({ db: testDb(), viewer: null }, thread.id, 99)).page).toBe(3);
    expect((await getThreadPage({ db: testDb(), viewer: null }, thread.id, Number.NaN)).page).toBe(1);
  });

  it('shows deleted posts as placeholders without their text', async () => {
    const { thread, owner } = await createThreadFixture();
    const ctx = { db: testDb(), viewer: viewerOf(owner) };
    const reply = await createReply(ctx, { threadId: thread.id, body: 'secret afterthought' });
    await deletePost(ctx, { postId: reply.postId });
    const { posts } = await getThreadPage({ db: testDb(), viewer: null }, thread.id, 1);
    expect(posts[1]).toMatchObject({ number: 2, bodyHtml: null, deletedByAuthor: true });
    expect(JSON.stringify(posts)).not.toContain('secret afterthought');
  });

  it('tells a member what is new and where they left off', async () => {
    const { thread, owner, group } = await createThreadFixture();
    const reader = await createMember();
    await addToGroup(group.id, reader.id);
    const readerCtx = { db: testDb(), viewer: viewerOf(reader) };
    await getThreadPage(readerCtx, thread.id, 1);
    expect(await firstUnreadPost(readerCtx, thread.id)).toBeNull();
    for (let i = 0; i < 3; i++) await createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, body: `News ${i}` });
    expect(await firstUnreadPost(readerCtx, thread.id)).toBe(2);
    const listed = await listThreads(readerCtx, group.slug);
    expect(listed.threads.find((t) => t.id === thread.id)?.unreadCount).toBe(3);
    await getThreadPage(readerCtx, thread.id, 1);
    expect(await firstUnreadPost(readerCtx, thread.id)).toBeNull();
    expect((await listThreads(readerCtx, group.slug)).threads[0]?.unreadCount).toBe(0);
  });

  it('answers not found for a private thread to outsiders and anonymous visitors', async () => {
    const { thread } = await createThreadFixture({ visibility: 'private' });
    await expect(getThreadPage({ db: testDb(), viewer: null }, thread.id, 1)).rejects.toBeInstanceOf(NotFoundError);
    const outsider = viewerOf(await createMember());
    await expect(getThreadPage({ db: testDb(), viewer: outsider }, thread.id, 1)).rejects.toBeInstanceOf(NotFoundError);
    const admin = viewerOf({ ...(await createMember({ isAdmin: true })), isAdmin: true });
    await expect(getThreadPage({ db: testDb(), viewer: admin }, thread.id, 1)).resolves.toMatchObject({ page: 1 });
  });
});

describe('listThreads', () => {
  it('lists pinned threads first, then latest activity, with keyset paging', async () => {
    const { group, owner, thread: first } = await createThreadFixture();
    const ctx = { db: testDb(), viewer: viewerOf(owner) };
    const ids = [first.id];
    for (let i = 0; i < 34; i++) ids.push((await createThread(ctx, { groupSlug: group.slug, title: `Thread ${i}`, body: 'x' })).threadId);
    await createReply(ctx, { threadId: first.id, body: 'bump' });
    const page1 = await listThreads({ db: testDb(), viewer: null }, group.slug);
    expect(page1.threads).toHaveLength(30);
    expect(page1.threads[0]!.id).toBe(first.id);
    expect(page1.threads[0]!.lastPosterName).toBe(owner.name);
    const page2 = await listThreads({ db: testDb(), viewer: null }, group.slug, page1.nextCursor!);
    expect(page2.threads).toHaveLength(5);
    expect(page2.nextCursor).toBeNull();
    const all = [...page1.threads, ...page2.threads].map((t) => t.id);
    expect(new Set(all).size).toBe(35);
    expect((await listThreads({ db: testDb(), viewer: null }, group.slug, 'garbage')).threads).toHaveLength(30);
  });
});
