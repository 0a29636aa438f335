import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { moderationLog, threads } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { createReply } from '../posts/create-reply';
import { listAnnouncements } from '../threads/list-announcements';
import { listThreads } from '../threads/list-threads';
import { editPost } from '../posts/edit-post';
import { getThreadPage } from '../threads/get-thread-page';
import { listPublicUrls } from '../threads/list-public-urls';
import { archiveThread } from './archive-thread';
import { closeThread } from './close-thread';
import { unlistThread } from './unlist-thread';
import { listModerationLog } from './list-moderation-log';
import { pinThread } from './pin-thread';
import { reopenThread } from './reopen-thread';
import { unpinThread } from './unpin-thread';

async function threadRow(id: number) {
  const [row] = await testDb().select().from(threads).where(eq(threads.id, id));
  return row!;
}

async function logOf(threadId: number) {
  return testDb().select().from(moderationLog).where(eq(moderationLog.threadId, threadId));
}

describe('thread moderation', () => {
  it('pins and closes with a reason, refuses replies while closed, and records every action', async () => {
    const { group, owner, thread } = await createThreadFixture();
    const moderator = await createMember();
    await addToGroup(group.id, moderator.id, 'moderator');
    const mod = { db: testDb(), viewer: viewerOf(moderator) };
    await pinThread(mod, { threadId: thread.id });
    await closeThread(mod, { threadId: thread.id, reason: 'Answered: see post #1.' });
    expect(await threadRow(thread.id)).toMatchObject({ pinned: true, closed: true, closedReason: 'Answered: see post #1.' });
    await expect(createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, body: 'One more thing' })).rejects.toThrow(/closed/);

    await expect(closeThread(mod, { threadId: thread.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(pinThread(mod, { threadId: thread.id })).rejects.toBeInstanceOf(ConflictError);
    await reopenThread(mod, { threadId: thread.id });
    await unpinThread(mod, { threadId: thread.id });
    await expect(reopenThread(mod, { threadId: thread.id })).rejects.toBeInstanceOf(ConflictError);
    expect(await threadRow(thread.id)).toMatchObject({ pinned: false, closed: false, closedReason: null });

    const log = await listModerationLog(mod, { groupSlug: group.slug });
    expect(log.entries.map((e) => e.action)).toEqual(['unpin', 'reopen', 'close', 'pin']);
    expect(log.entries[2]).toMatchObject({ actorName: moderator.name, reason: 'Answered: see post #1.', threadId: thread.id });
    expect((await listModerationLog(mod, { groupSlug: group.slug, action: 'close' })).entries).toHaveLength(1);
  });

  it('gives members and other groups’ moderators no powers, and changes nothing for them', async () => {
    const { group, thread } = await createThreadFixture();
    const member = await createMember();
    await addToGroup(group.id, member.id);
    await expect(closeThread({ db: testDb(), viewer: viewerOf(member) }, { threadId: thread.id })).rejects.toBeInstanceOf(ForbiddenError);
    const elsewhere = await createThreadFixture();
    await expect(pinThread({ db: testDb(), viewer: viewerOf(elsewhere.owner) }, { threadId: thread.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listModerationLog({ db: testDb(), viewer: viewerOf(member) }, { groupSlug: group.slug })).rejects.toBeInstanceOf(NotFoundError);
    const secret = await createThreadFixture({ visibility: 'private' });
    await expect(closeThread({ db: testDb(), viewer: viewerOf(elsewhere.owner) }, { threadId: secret.thread.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await threadRow(thread.id)).toMatchObject({ pinned: false, closed: false });
    expect(await logOf(thread.id)).toHaveLength(0);
  });

  it('ends a pin by itself at its date', async () => {
    const { group, owner, thread } = await createThreadFixture();
    const ctx = { db: testDb(), viewer: viewerOf(owner) };
    await expect(pinThread(ctx, { threadId: thread.id, until: '2001-01-01' })).rejects.toThrow(/coming year/);
    await pinThread(ctx, { threadId: thread.id, until: new Date(Date.now() + 60_000).toISOString() });
    expect((await listThreads(ctx, group.slug)).threads[0]).toMatchObject({ id: thread.id, pinned: true });
    await testDb().update(threads).set({ pinnedUntil: new Date(Date.now() - 1000) }).where(eq(threads.id, thread.id));
    expect((await listThreads(ctx, group.slug)).threads[0]).toMatchObject({ pinned: false });
  });

  it('lets only site admins pin for the whole site, and shows announcements to those who may read them', async () => {
    const open = await createThreadFixture();
    const secret = await createThreadFixture({ visibility: 'private' });
    await expect(pinThread({ db: testDb(), viewer: viewerOf(open.owner) }, { threadId: open.thread.id, global: 'on' })).rejects.toBeInstanceOf(ForbiddenError);
    const admin = { db: testDb(), viewer: { ...viewerOf(await createMember({ isAdmin: true })), isAdmin: true } };
    await pinThread(admin, { threadId: open.thread.id, global: 'on' });
    await pinThread(admin, { threadId: secret.thread.id, global: 'on' });
    const seenByVisitor = (await listAnnouncements({ db: testDb(), viewer: null })).map((a) => a.id);
    expect(seenByVisitor).toContain(open.thread.id);
    expect(seenByVisitor).not.toContain(secret.thread.id);
    const seenByMember = (await listAnnouncements({ db: testDb(), viewer: viewerOf(secret.owner) })).map((a) => a.id);
    expect(seenByMember).toContain(secret.thread.id);
  });
});

describe('archiving and unlisting', () => {
  it('keeps an archived thread readable by link, read-only, and in the archive list only', async () => {
    const { group, owner, thread, openingPostId } = await createThreadFixture();
    const ctx = { db: testDb(), viewer: viewerOf(owner) };
    await archiveThread(ctx, { threadId: thread.id, archived: 'true' });
    await expect(createReply(ctx, { threadId: thread.id, body: 'Late' })).rejects.toThrow(/archived/);
    await expect(editPost(ctx, { postId: openingPostId, body: 'Changed' })).rejects.toThrow(/archived/);
    expect((await listThreads(ctx, group.slug)).threads.map((t) => t.id)).not.toContain(thread.id);
    expect((await listThreads(ctx, group.slug, undefined, { archived: true })).threads.map((t) => t.id)).toContain(thread.id);
    const page = await getThreadPage({ db: testDb(), viewer: null }, thread.id, 1);
    expect(page.canReply).toBe(false);
    expect(page.posts[0]!.canEdit).toBe(false);
    await expect(archiveThread(ctx, { threadId: thread.id, archived: 'true' })).rejects.toBeInstanceOf(ConflictError);
    await archiveThread(ctx, { threadId: thread.id, archived: 'false' });
    expect((await listThreads(ctx, group.slug)).threads.map((t) => t.id)).toContain(thread.id);
    expect((await logOf(thread.id)).map((l) => l.action).sort()).toEqual(['archive', 'unarchive']);
  });

  it('keeps an unlisted thread out of lists and the sitemap, but reachable by its link', async () => {
    const { group, owner, thread } = await createThreadFixture();
    await unlistThread({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, unlisted: 'true' });
    expect((await listThreads({ db: testDb(), viewer: null }, group.slug)).threads.map((t) => t.id)).not.toContain(thread.id);
    expect((await listPublicUrls(testDb())).threads.map((t) => t.id)).not.toContain(thread.id);
    await expect(getThreadPage({ db: testDb(), viewer: null }, thread.id, 1)).resolves.toMatchObject({ page: 1 });
  });
});
