import { describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { NotFoundError } from '../errors';
import { createReply } from '../posts/create-reply';
import { hidePost } from '../posts/hide-post';
import { firstUnreadPost } from './get-thread-page';
import { readThreadPage } from './thread-reading';

/** A member's own part of a thread page shared among members: the page itself says nothing of them. */
describe('readThreadPage', () => {
  it('gives each member the actions on their own posts and on others’, and the reply form when they may reply', async () => {
    const { thread, group, openingPostId } = await createThreadFixture();
    const reader = await createMember();
    await addToGroup(group.id, reader.id);
    const reply = await createReply({ db: testDb(), viewer: viewerOf(reader) }, { threadId: thread.id, body: 'Maître Benali, rue de Fès.' });
    const reading = await readThreadPage({ db: testDb(), viewer: viewerOf(reader) }, thread.id, 1);
    expect(reading.posts[reply.postId]).toMatchObject({ isOwn: true, canEdit: true, canDelete: true, canFlag: false, canQuote: true });
    expect(reading.posts[openingPostId]).toMatchObject({ isOwn: false, canEdit: false, canDelete: false, canFlag: true, canHide: false });
    expect(reading.reply).toBe('form');
    expect(reading.member).toEqual({ name: reader.name, unread: 0 });
  });

  it('offers an outsider of an open group to join, and records where each member left off before answering', async () => {
    const { thread, owner } = await createThreadFixture({ joinPolicy: 'open' });
    const outsider = await createMember();
    const ctx = { db: testDb(), viewer: viewerOf(outsider) };
    expect((await readThreadPage(ctx, thread.id, 1)).reply).toBe('join');
    await createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, body: 'One more thing.' });
    expect((await readThreadPage(ctx, thread.id, 1)).firstUnread).toBe(2);
    expect(await firstUnreadPost(ctx, thread.id)).toBeNull();
  });

  it('gives a hidden post’s body to its author alone', async () => {
    const { thread, owner, group } = await createThreadFixture();
    const [author, other] = await Promise.all([createMember(), createMember()]);
    await Promise.all([addToGroup(group.id, author.id), addToGroup(group.id, other.id)]);
    const reply = await createReply({ db: testDb(), viewer: viewerOf(author) }, { threadId: thread.id, body: 'Call me on 06 12 34 56 78.' });
    await hidePost({ db: testDb(), viewer: viewerOf(owner) }, { postId: reply.postId });
    expect((await readThreadPage({ db: testDb(), viewer: viewerOf(author) }, thread.id, 1)).posts[reply.postId]!.hiddenBodyHtml).toContain('06 12 34 56 78');
    expect((await readThreadPage({ db: testDb(), viewer: viewerOf(other) }, thread.id, 1)).posts[reply.postId]!.hiddenBodyHtml).toBeNull();
  });

  it('answers nothing of a private group’s thread to someone outside it', async () => {
    const { thread } = await createThreadFixture({ visibility: 'private' });
    const outsider = await createMember();
    await expect(readThreadPage({ db: testDb(), viewer: viewerOf(outsider) }, thread.id, 1)).rejects.toBeInstanceOf(NotFoundError);
  });
});
