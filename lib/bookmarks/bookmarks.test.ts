import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { bookmarks, notifications, posts } from '@/db/schema';
import type { Viewer } from '../context';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { leaveGroup } from '../groups/leave-group';
import { createReply } from '../posts/create-reply';
import { deletePost } from '../posts/delete-post';
import { getThreadPage } from '../threads/get-thread-page';
import { bookmarkPost } from './bookmark-post';
import { listBookmarks } from './list-bookmarks';
import { removeBookmark } from './remove-bookmark';
import { sendDueBookmarkReminders } from './send-due-reminders';

const ctxOf = (viewer: Viewer) => ({ db: testDb(), viewer });
const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR);

/** A group (public unless asked) with a reader who belongs to it and a reply of the owner's to bookmark. */
async function scene(visibility: 'public' | 'private' = 'public') {
  const fixture = await createThreadFixture({ visibility });
  const reader = viewerOf(await createMember());
  await addToGroup(fixture.group.id, reader.id);
  const owner = viewerOf(fixture.owner);
  const body = `The **notary** on Rue Paradis is [excellent](https://example.test/notary). ${'Very patient with paperwork. '.repeat(12)}`;
  const reply = await createReply(ctxOf(owner), { threadId: fixture.thread.id, body });
  return { ...fixture, owner, reader, postId: reply.postId };
}

/** Makes a bookmark's reminder due now, as time passing would. */
const makeDue = (memberId: number, postId: number) =>
  testDb()
    .update(bookmarks)
    .set({ remindAt: sql`now() - interval '1 minute'` })
    .where(and(eq(bookmarks.memberId, memberId), eq(bookmarks.postId, postId)));

const bookmarkOf = async (memberId: number, postId: number) =>
  (await testDb().select().from(bookmarks).where(and(eq(bookmarks.memberId, memberId), eq(bookmarks.postId, postId))))[0];

const notificationsOf = (memberId: number) => testDb().select().from(notifications).where(eq(notifications.memberId, memberId));

describe('bookmarks', () => {
  it('lists a bookmarked post with its thread, number, author, plain-text excerpt, link, note and reminder', async () => {
    const { thread, owner, reader, postId } = await scene();
    const remindAt = inHours(24);
    await bookmarkPost(ctxOf(reader), { postId, note: '  Call her in March  ', remindAt: remindAt.toISOString() });
    const { bookmarks: list, nextBefore } = await listBookmarks(ctxOf(reader), {});
    expect(nextBefore).toBeNull();
    expect(list).toHaveLength(1);
    const [mark] = list;
    expect(mark).toMatchObject({ postId, threadId: thread.id, threadTitle: thread.title, postNumber: 2, authorName: owner.name, note: 'Call her in March', url: `/t/${thread.id}?page=1#p2` });
    expect(mark!.remindAt?.getTime()).toBe(remindAt.getTime());
    expect(mark!.excerpt).toMatch(/^The notary on Rue Paradis is excellent\. Very patient/);
    expect(mark!.excerpt.length).toBeLessThanOrEqual(200);
    expect(mark!.excerpt).not.toMatch(/[*[\]]|https:/);
    // Nobody else sees it.
    expect((await listBookmarks(ctxOf(owner), {})).bookmarks).toEqual([]);
  });

  it('bookmarking again replaces the note and the reminder; removing takes it off the list, twice is harmless', async () => {
    const { reader, postId } = await scene();
    await bookmarkPost(ctxOf(reader), { postId, note: 'First thought', remindAt: inHours(2) });
    await bookmarkPost(ctxOf(reader), { postId, note: 'Second thought', remindAt: '' });
    expect(await bookmarkOf(reader.id, postId)).toMatchObject({ note: 'Second thought', remindAt: null });
    await expect(removeBookmark(ctxOf(reader), { postId })).resolves.toEqual({ removed: true });
    await expect(removeBookmark(ctxOf(reader), { postId })).resolves.toEqual({ removed: false });
    expect((await listBookmarks(ctxOf(reader), {})).bookmarks).toEqual([]);
  });

  it('the thread page tells the viewer which posts they bookmarked', async () => {
    const { thread, reader, postId } = await scene();
    await bookmarkPost(ctxOf(reader), { postId, note: 'Keep' });
    const page = await getThreadPage(ctxOf(reader), thread.id, 1);
    expect(page.posts.map((p) => p.bookmarked)).toEqual([false, true]);
    expect(page.posts[1]!.bookmark).toEqual({ note: 'Keep', remindAt: null });
    expect((await getThreadPage({ db: testDb(), viewer: null }, thread.id, 1)).posts.every((p) => !p.bookmarked)).toBe(true);
  });

  it('refuses a post of a private group the viewer cannot read as not found', async () => {
    const { postId } = await scene('private');
    const outsider = viewerOf(await createMember());
    await expect(bookmarkPost(ctxOf(outsider), { postId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(bookmarkPost(ctxOf(outsider), { postId: 2 ** 31 - 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await bookmarkOf(outsider.id, postId)).toBeUndefined();
  });

  it('refuses a reminder in the past or more than a year ahead, and a note too long, with a clear message', async () => {
    const { reader, postId } = await scene();
    const past = bookmarkPost(ctxOf(reader), { postId, remindAt: inHours(-1).toISOString() });
    await expect(past).rejects.toBeInstanceOf(InvalidInputError);
    await expect(past).rejects.toMatchObject({ message: 'Choose a reminder time in the future.', fieldErrors: { remindAt: ['Choose a reminder time in the future.'] } });
    await expect(bookmarkPost(ctxOf(reader), { postId, remindAt: inHours(24 * 400) })).rejects.toThrow('Reminders can be set at most a year ahead.');
    await expect(bookmarkPost(ctxOf(reader), { postId, remindAt: 'next tuesday' })).rejects.toThrow('Choose a valid date and time for the reminder.');
    await expect(bookmarkPost(ctxOf(reader), { postId, note: 'x'.repeat(501) })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await bookmarkOf(reader.id, postId)).toBeUndefined();
  });

  it('reads a datetime-local value as UTC, the time zone Cercle shows', async () => {
    const { reader, postId } = await scene();
    const next = inHours(48);
    const local = next.toISOString().slice(0, 16);
    await bookmarkPost(ctxOf(reader), { postId, remindAt: local });
    expect((await bookmarkOf(reader.id, postId))!.remindAt?.toISOString()).toBe(`${local}:00.000Z`);
  });

  it('drops bookmarks from the list once the member leaves the private group, and brings them back on return', async () => {
    const { group, reader, postId } = await scene('private');
    await bookmarkPost(ctxOf(reader), { postId });
    expect((await listBookmarks(ctxOf(reader), {})).bookmarks).toHaveLength(1);
    await leaveGroup(ctxOf(reader), { groupSlug: group.slug });
    const after = await listBookmarks(ctxOf(reader), {});
    expect(after.bookmarks).toEqual([]);
    expect(JSON.stringify(after)).not.toContain('notary');
    await addToGroup(group.id, reader.id);
    expect((await listBookmarks(ctxOf(reader), {})).bookmarks).toHaveLength(1);
  });

  it('does not list a deleted post, nor a hidden one to anyone but its author, and refuses to bookmark a deleted post', async () => {
    const { owner, reader, postId } = await scene();
    await bookmarkPost(ctxOf(owner), { postId });
    await bookmarkPost(ctxOf(reader), { postId });
    await testDb().update(posts).set({ hiddenAt: sql`now()` }).where(eq(posts.id, postId));
    expect((await listBookmarks(ctxOf(reader), {})).bookmarks).toEqual([]);
    expect((await listBookmarks(ctxOf(owner), {})).bookmarks).toHaveLength(1);
    await deletePost(ctxOf(owner), { postId });
    expect((await listBookmarks(ctxOf(owner), {})).bookmarks).toEqual([]);
    await expect(bookmarkPost(ctxOf(owner), { postId })).rejects.toBeInstanceOf(ConflictError);
  });

  it('pages newest first without repeating or skipping a bookmark', async () => {
    const { thread, owner, reader } = await scene();
    const ids: number[] = [];
    for (let i = 0; i < 33; i++) ids.push((await createReply(ctxOf(owner), { threadId: thread.id, body: `Tip number ${i}` })).postId);
    for (const postId of ids) await bookmarkPost(ctxOf(reader), { postId });
    const first = await listBookmarks(ctxOf(reader), {});
    expect(first.bookmarks).toHaveLength(30);
    expect(first.nextBefore).not.toBeNull();
    const second = await listBookmarks(ctxOf(reader), { before: first.nextBefore });
    expect(second.nextBefore).toBeNull();
    expect([...first.bookmarks, ...second.bookmarks].map((b) => b.postId)).toEqual(ids.toReversed());
    // A cursor typed by hand starts from the newest rather than failing.
    expect((await listBookmarks(ctxOf(reader), { before: 'yesterday' })).bookmarks).toHaveLength(30);
  });
});

describe('bookmark reminders', () => {
  it('a due reminder creates exactly one unread notification with the note, and is cleared', async () => {
    const { thread, group, reader, postId } = await scene();
    await bookmarkPost(ctxOf(reader), { postId, note: 'Ask about fees', remindAt: inHours(1) });
    // Not due yet: nothing happens.
    await sendDueBookmarkReminders(testDb());
    expect(await notificationsOf(reader.id)).toEqual([]);

    await makeDue(reader.id, postId);
    expect(await sendDueBookmarkReminders(testDb())).toBeGreaterThanOrEqual(1);
    await sendDueBookmarkReminders(testDb());
    const sent = await notificationsOf(reader.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'bookmark_reminder', postId, threadId: thread.id, groupId: group.id, data: { note: 'Ask about fees' }, readAt: null });
    expect(await bookmarkOf(reader.id, postId)).toMatchObject({ remindAt: null, note: 'Ask about fees' });
  });

  it('surfaces again, unread, when the member already had a notification about the post', async () => {
    const { thread, owner, reader, postId } = await scene();
    const [old] = await testDb()
      .insert(notifications)
      .values({ memberId: reader.id, kind: 'mention', postId, threadId: thread.id, actorId: owner.id, readAt: new Date('2020-01-01') })
      .returning();
    await bookmarkPost(ctxOf(reader), { postId, remindAt: inHours(1) });
    await makeDue(reader.id, postId);
    await sendDueBookmarkReminders(testDb());
    const sent = await notificationsOf(reader.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'bookmark_reminder', readAt: null, actorId: null, data: { note: null } });
    expect(Date.now() - sent[0]!.createdAt.getTime()).toBeLessThan(60_000);
    // Lists of notifications go by id, newest first: the reminder is on top, not where the mention was.
    expect(sent[0]!.id).toBeGreaterThan(old!.id);
  });

  it('a reminder on a post the member can no longer read, or that was deleted, creates nothing and is cleared', async () => {
    const { group, reader, postId } = await scene('private');
    await bookmarkPost(ctxOf(reader), { postId, remindAt: inHours(1) });
    await leaveGroup(ctxOf(reader), { groupSlug: group.slug });
    await makeDue(reader.id, postId);

    const other = await scene();
    await bookmarkPost(ctxOf(other.reader), { postId: other.postId, remindAt: inHours(1) });
    await deletePost(ctxOf(other.owner), { postId: other.postId });
    await makeDue(other.reader.id, other.postId);

    await sendDueBookmarkReminders(testDb());
    expect(await notificationsOf(reader.id)).toEqual([]);
    expect(await notificationsOf(other.reader.id)).toEqual([]);
    expect(await bookmarkOf(reader.id, postId)).toMatchObject({ remindAt: null });
    expect(await bookmarkOf(other.reader.id, other.postId)).toMatchObject({ remindAt: null });
  });
});
