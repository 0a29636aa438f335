/**
 * Moving, splitting and merging threads (lib/moderation/move-thread.ts, split-thread.ts,
 * merge-thread.ts) against the real PostgreSQL: counters, lists, the thread pages, the
 * moderation log, forwarding of merged threads, and the search index through its outbox.
 */
import { randomBytes } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { drainSearchOutboxAlone } from '@/db/test/search-drain';
import { intArray } from '@/db/sql-arrays';
import { groups, moderationLog, posts, threads } from '@/db/schema';
import type { Viewer } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { createReply } from '../posts/create-reply';
import { deletePost } from '../posts/delete-post';
import { postgresEngine } from '../search/postgres/postgres-engine';
import { searchArchive } from '../search/search-archive';
import { createThread } from '../threads/create-thread';
import { getThreadPage } from '../threads/get-thread-page';
import { listThreads } from '../threads/list-threads';
import { mergedThreadTarget } from '../threads/thread-access';
import { mergeThread } from './merge-thread';
import { listModeratedGroups } from './moderated-groups';
import { moveThread } from './move-thread';
import { splitThread } from './split-thread';

/** A made-up word no other test writes: letters only, so every stemmer keeps it whole. */
function uniqueWord(): string {
  return `zq${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const as = (viewer: Viewer | null) => ({ db: testDb(), viewer });
const signedIn = (viewer: Viewer) => ({ db: testDb(), viewer });

async function groupRow(id: number) {
  const [row] = await testDb().select().from(groups).where(eq(groups.id, id));
  return row!;
}

async function threadRow(id: number) {
  const [row] = await testDb().select().from(threads).where(eq(threads.id, id));
  return row!;
}

async function postsOf(threadId: number) {
  return testDb().select({ id: posts.id, number: posts.number, body: posts.body, authorId: posts.authorId }).from(posts).where(eq(posts.threadId, threadId)).orderBy(asc(posts.number));
}

async function logOf(threadIds: number[]) {
  return testDb().select().from(moderationLog).where(inArray(moderationLog.threadId, threadIds)).orderBy(asc(moderationLog.id));
}

/** Drains the shared outbox until none of these threads' or their posts' updates waits (other files' workers may hold some a moment). */
async function indexed(threadIds: number[]): Promise<void> {
  for (let pass = 0; pass < 100; pass++) {
    await drainSearchOutboxAlone(postgresEngine);
    const waiting = await testDb().execute(sql`
      select 1 from search_outbox o where (o.subject = 'thread' and o.subject_id = any(${intArray(threadIds)}))
        or (o.subject = 'post' and o.subject_id in (select id from posts where thread_id = any(${intArray(threadIds)})))`);
    if (waiting.length === 0) return;
    await sleep(100);
  }
  throw new Error('the search outbox was not applied');
}

/** The threads a search finds (results show the best post of each thread). */
async function found(viewer: Viewer | null, word: string): Promise<number[]> {
  const { hits } = await searchArchive(as(viewer), { q: word }, postgresEngine);
  return hits.map((hit) => hit.thread.id);
}

/** A moderator, a public group and a private one they both moderate, and a plain member of both. */
async function twoGroups() {
  const moderator = viewerOf(await createMember());
  const member = viewerOf(await createMember());
  const open = await createGroup({ visibility: 'public', joinPolicy: 'open' });
  const secret = await createGroup({ visibility: 'private', joinPolicy: 'request' });
  for (const g of [open, secret]) {
    await addToGroup(g.id, moderator.id, 'moderator');
    await addToGroup(g.id, member.id, 'member');
  }
  return { moderator, member, open, secret };
}

/** A thread of `replies` replies by alternating authors, each reply's body "reply <n> <word>". */
async function threadWith(groupSlug: string, authors: Viewer[], replies: number, word = uniqueWord()) {
  const { threadId, postId } = await createThread(signedIn(authors[0]!), { groupSlug, title: `About ${word}`, body: `opening ${word}` });
  const replyIds: number[] = [];
  for (let n = 2; n <= replies + 1; n++) {
    const { postId: id } = await createReply(signedIn(authors[n % authors.length]!), { threadId, body: `reply ${n} ${word}` });
    replyIds.push(id);
  }
  return { threadId, openingPostId: postId, replyIds, word };
}

describe('moving a thread', () => {
  it('moves it with its counters, lists and log, and a private destination hides its posts from outsiders’ searches', async () => {
    const { moderator, member, open, secret } = await twoGroups();
    const { threadId, replyIds, word } = await threadWith(open.slug, [moderator, member], 3);
    await deletePost(signedIn(moderator), { postId: replyIds[0]! }); // #2 is deleted: the groups count 3 posts, not 4.
    await indexed([threadId]);
    expect(await found(null, word)).toEqual([threadId]);
    const before = { open: await groupRow(open.id), secret: await groupRow(secret.id) };

    await expect(moveThread(signedIn(moderator), { threadId, toGroupSlug: secret.slug, reason: 'Members only' })).resolves.toEqual({ threadId, groupSlug: secret.slug });

    expect((await threadRow(threadId)).groupId).toBe(secret.id);
    const after = { open: await groupRow(open.id), secret: await groupRow(secret.id) };
    expect(after.open).toMatchObject({ threadCount: before.open.threadCount - 1, postCount: before.open.postCount - 3, lastPostedAt: null });
    expect(after.secret).toMatchObject({ threadCount: before.secret.threadCount + 1, postCount: before.secret.postCount + 3 });
    expect(after.secret.lastPostedAt!.getTime()).toBe((await threadRow(threadId)).lastPostedAt.getTime());
    expect((await listThreads(as(moderator), open.slug)).threads.map((t) => t.id)).not.toContain(threadId);
    expect((await listThreads(as(moderator), secret.slug)).threads.map((t) => t.id)).toContain(threadId);
    await expect(getThreadPage(as(null), threadId, 1)).rejects.toBeInstanceOf(NotFoundError);
    expect((await logOf([threadId])).map((l) => [l.action, l.groupId, l.actorId, l.reason])).toEqual([
      ['move_thread_out', open.id, moderator.id, 'Members only'],
      ['move_thread', secret.id, moderator.id, 'Members only'],
    ]);

    await indexed([threadId]);
    // The index itself files the posts under the private group, not only the hydration of results.
    const rows = await testDb().execute<{ group_id: number }>(sql`select distinct group_id from search_posts where thread_id = ${threadId}`);
    expect(rows.map((r) => r.group_id)).toEqual([secret.id]);
    expect(await found(null, word)).toEqual([]);
    expect(await found(viewerOf(await createMember()), word)).toEqual([]);
    expect(await found(member, word)).toEqual([threadId]);
  });

  it('refuses a moderator of the source group alone, the same group, and an unknown group, changing nothing', async () => {
    const { moderator, open } = await twoGroups();
    const elsewhere = await createGroup({ visibility: 'public', joinPolicy: 'open' });
    const { threadId } = await threadWith(open.slug, [moderator], 1);
    await addToGroup(elsewhere.id, moderator.id, 'member');
    const before = { open: await groupRow(open.id), elsewhere: await groupRow(elsewhere.id) };

    await expect(moveThread(signedIn(moderator), { threadId, toGroupSlug: elsewhere.slug })).rejects.toThrow('You can only move threads into groups you moderate.');
    await expect(moveThread(signedIn(moderator), { threadId, toGroupSlug: open.slug })).rejects.toBeInstanceOf(ConflictError);
    await expect(moveThread(signedIn(moderator), { threadId, toGroupSlug: 'no-such-group-anywhere' })).rejects.toBeInstanceOf(NotFoundError);
    // A private group the moderator cannot read is as unknown as a missing one.
    const hidden = await createGroup({ visibility: 'private', joinPolicy: 'invite' });
    await expect(moveThread(signedIn(moderator), { threadId, toGroupSlug: hidden.slug })).rejects.toBeInstanceOf(NotFoundError);

    expect((await threadRow(threadId)).groupId).toBe(open.id);
    expect(await groupRow(open.id)).toEqual(before.open);
    expect(await groupRow(elsewhere.id)).toEqual(before.elsewhere);
    expect(await logOf([threadId])).toEqual([]);
  });

  it('offers as destinations only the groups the viewer moderates and can read', async () => {
    const { moderator, member, open, secret } = await twoGroups();
    const banned = await createGroup();
    await addToGroup(banned.id, moderator.id, 'moderator');
    await testDb().execute(sql`insert into group_bans (group_id, member_id, banned_by_id) values (${banned.id}, ${moderator.id}, ${member.id})`);
    expect((await listModeratedGroups(signedIn(moderator))).map((g) => g.id).sort()).toEqual([open.id, secret.id].sort());
    expect(await listModeratedGroups(signedIn(member))).toEqual([]);
  });
});

describe('splitting a thread', () => {
  it('moves the chosen replies, renumbered in order, into a new thread, and both threads render', async () => {
    const { moderator, member, open } = await twoGroups();
    const other = viewerOf(await createMember());
    await addToGroup(open.id, other.id);
    const { threadId, replyIds, word } = await threadWith(open.slug, [moderator, member, other], 5); // #2 other, #3 moderator, #4 member, #5 other, #6 moderator
    const before = await groupRow(open.id);

    const { threadId: newId } = await splitThread(signedIn(moderator), { threadId, postNumbers: ['5', '3', '4'], title: '  A digression of its own  ', reason: 'Off topic' });

    expect(await postsOf(newId)).toEqual([
      { id: replyIds[1], number: 1, body: `reply 3 ${word}`, authorId: moderator.id },
      { id: replyIds[2], number: 2, body: `reply 4 ${word}`, authorId: member.id },
      { id: replyIds[3], number: 3, body: `reply 5 ${word}`, authorId: other.id },
    ]);
    expect((await postsOf(threadId)).map((p) => p.number)).toEqual([1, 2, 6]);
    expect(await threadRow(newId)).toMatchObject({ groupId: open.id, title: 'A digression of its own', authorId: moderator.id, replyCount: 2, lastPostNumber: 3, lastPosterId: other.id });
    expect(await threadRow(threadId)).toMatchObject({ replyCount: 2, lastPostNumber: 6, lastPosterId: moderator.id });
    expect(await groupRow(open.id)).toMatchObject({ threadCount: before.threadCount + 1, postCount: before.postCount });

    const split = await getThreadPage(as(null), newId, 1);
    expect(split.posts.map((p) => [p.number, p.authorName])).toEqual([
      [1, moderator.name],
      [2, member.name],
      [3, other.name],
    ]);
    expect((await getThreadPage(as(null), threadId, 1)).posts.map((p) => p.number)).toEqual([1, 2, 6]);
    // A reply keeps its number and the next one takes the number after the thread's last.
    const next = await createReply(signedIn(member), { threadId: newId, body: 'Carrying on here' });
    expect(next.number).toBe(4);
    expect((await logOf([threadId])).map((l) => [l.action, l.reason])).toEqual([['split_thread', 'Off topic']]);

    await indexed([threadId, newId]);
    expect((await found(null, word)).sort()).toEqual([threadId, newId].sort());
    const opening = await testDb().execute<{ is_opening: boolean }>(sql`select is_opening from search_posts where post_id = ${replyIds[1]!}`);
    expect(opening).toEqual([{ is_opening: true }]);
  });

  it('never hands out a moved post\'s number again in the thread it left', async () => {
    const { moderator, member, open } = await twoGroups();
    const { threadId } = await threadWith(open.slug, [moderator, member], 3); // #2, #3, #4
    await splitThread(signedIn(moderator), { threadId, postNumbers: [3, 4], title: 'The tail, on its own' });
    expect(await threadRow(threadId)).toMatchObject({ lastPostNumber: 4, replyCount: 1 });
    const next = await createReply(signedIn(member), { threadId, body: 'Back on topic' });
    expect(next.number).toBe(5);
  });

  it('refuses the opening post, numbers not in the thread, deleted posts and an empty choice', async () => {
    const { moderator, member, open } = await twoGroups();
    const { threadId, replyIds } = await threadWith(open.slug, [moderator, member], 3);
    await deletePost(signedIn(moderator), { postId: replyIds[2]! }); // #4
    const split = (postNumbers: unknown) => splitThread(signedIn(moderator), { threadId, postNumbers, title: 'Elsewhere' });
    await expect(split([1, 2])).rejects.toThrow('The opening post stays with its thread: choose replies only.');
    await expect(split([2, 9])).rejects.toBeInstanceOf(InvalidInputError);
    await expect(split([4])).rejects.toBeInstanceOf(ConflictError);
    await expect(split([])).rejects.toBeInstanceOf(InvalidInputError);
    await expect(split('')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(splitThread(signedIn(moderator), { threadId, postNumbers: [2], title: 'x' })).rejects.toBeInstanceOf(InvalidInputError);
    expect((await postsOf(threadId)).map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(await logOf([threadId])).toEqual([]);
  });
});

describe('merging threads', () => {
  it('appends the posts in the order they were written, forwards the old thread, and keeps the counters right', async () => {
    const { moderator, member, open, secret } = await twoGroups();
    const into = await threadWith(secret.slug, [moderator, member], 2);
    const from = await threadWith(open.slug, [member, moderator], 2);
    // Written out of number order: merging orders by time first.
    await testDb().update(posts).set({ createdAt: sql`${posts.createdAt} + interval '1 minute'` }).where(eq(posts.id, from.replyIds[0]!));
    const before = { open: await groupRow(open.id), secret: await groupRow(secret.id) };

    await expect(mergeThread(signedIn(moderator), { threadId: from.threadId, intoThreadId: `https://cercle.example/t/${into.threadId}?page=1#p2`, reason: 'Same question' })).resolves.toEqual({
      threadId: into.threadId,
      groupSlug: secret.slug,
    });

    expect((await postsOf(into.threadId)).map((p) => [p.number, p.id])).toEqual([
      [1, into.openingPostId],
      [2, into.replyIds[0]],
      [3, into.replyIds[1]],
      [4, from.openingPostId],
      [5, from.replyIds[1]],
      [6, from.replyIds[0]],
    ]);
    expect(await threadRow(into.threadId)).toMatchObject({ replyCount: 5, lastPostNumber: 6 });
    expect(await threadRow(from.threadId)).toMatchObject({ mergedIntoId: into.threadId });
    expect((await threadRow(from.threadId)).deletedAt).not.toBeNull();
    expect(await groupRow(open.id)).toMatchObject({ threadCount: before.open.threadCount - 1, postCount: before.open.postCount - 3 });
    expect(await groupRow(secret.id)).toMatchObject({ threadCount: before.secret.threadCount, postCount: before.secret.postCount + 3 });
    expect((await logOf([from.threadId, into.threadId])).map((l) => [l.action, l.groupId, l.threadId])).toEqual([
      ['merge_thread', secret.id, into.threadId],
      ['merge_thread', open.id, from.threadId],
    ]);

    // The old address leads to the destination for its readers; others get the same "not found" as before.
    await expect(getThreadPage(as(member), from.threadId, 1)).rejects.toBeInstanceOf(NotFoundError);
    expect(await mergedThreadTarget(as(member), from.threadId)).toBe(into.threadId);
    expect(await mergedThreadTarget(as(null), from.threadId)).toBeNull();
    expect(await mergedThreadTarget(as(member), into.threadId)).toBeNull();
    expect((await getThreadPage(as(member), into.threadId, 1)).posts.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);

    await indexed([from.threadId, into.threadId]);
    expect(await found(null, from.word)).toEqual([]);
    expect(await found(member, from.word)).toEqual([into.threadId]);
  });

  it('refuses merging into itself, a thread already merged, and a merged or missing destination', async () => {
    const { moderator, open } = await twoGroups();
    const a = await threadWith(open.slug, [moderator], 1);
    const b = await threadWith(open.slug, [moderator], 1);
    const c = await threadWith(open.slug, [moderator], 1);
    const mod = signedIn(moderator);
    await expect(mergeThread(mod, { threadId: a.threadId, intoThreadId: a.threadId })).rejects.toThrow('A thread cannot be merged into itself.');
    await expect(mergeThread(mod, { threadId: a.threadId, intoThreadId: 'not a thread' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(mergeThread(mod, { threadId: a.threadId, intoThreadId: 2 ** 31 - 2 })).rejects.toBeInstanceOf(NotFoundError);
    await mergeThread(mod, { threadId: a.threadId, intoThreadId: b.threadId });
    await expect(mergeThread(mod, { threadId: a.threadId, intoThreadId: c.threadId })).rejects.toThrow('This thread has already been merged into another.');
    await expect(mergeThread(mod, { threadId: c.threadId, intoThreadId: a.threadId })).rejects.toBeInstanceOf(ConflictError);
    // B merged into C: A, merged into B earlier, now forwards straight to C.
    await mergeThread(mod, { threadId: b.threadId, intoThreadId: c.threadId });
    expect(await mergedThreadTarget(mod, a.threadId)).toBe(c.threadId);
    // B's posts (A's among them) follow C's in the order they were written: A's first.
    expect((await postsOf(c.threadId)).map((p) => p.id)).toEqual([c.openingPostId, ...c.replyIds, a.openingPostId, ...a.replyIds, b.openingPostId, ...b.replyIds]);
  });

  it('refuses a moderator of only one of the two groups', async () => {
    const { moderator, open } = await twoGroups();
    const foreign = await createGroup({ visibility: 'public', joinPolicy: 'open' });
    await addToGroup(foreign.id, moderator.id, 'member');
    const a = await threadWith(open.slug, [moderator], 1);
    const b = await threadWith(foreign.slug, [moderator], 1);
    await expect(mergeThread(signedIn(moderator), { threadId: a.threadId, intoThreadId: b.threadId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(mergeThread(signedIn(moderator), { threadId: b.threadId, intoThreadId: a.threadId })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await postsOf(a.threadId)).length).toBe(2);
    expect((await postsOf(b.threadId)).length).toBe(2);
  });
});

describe('a plain member', () => {
  it('can neither move, split nor merge, and nothing changes', async () => {
    const { moderator, member, open, secret } = await twoGroups();
    const a = await threadWith(open.slug, [member, moderator], 2);
    const b = await threadWith(open.slug, [member], 1);
    const ctx = signedIn(member);
    await expect(moveThread(ctx, { threadId: a.threadId, toGroupSlug: secret.slug })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(splitThread(ctx, { threadId: a.threadId, postNumbers: [2], title: 'Mine now' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(mergeThread(ctx, { threadId: a.threadId, intoThreadId: b.threadId })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await threadRow(a.threadId)).toMatchObject({ groupId: open.id, deletedAt: null, mergedIntoId: null, lastPostNumber: 3 });
    expect((await postsOf(a.threadId)).map((p) => p.number)).toEqual([1, 2, 3]);
    expect(await logOf([a.threadId, b.threadId])).toEqual([]);
  });
});
