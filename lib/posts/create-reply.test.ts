import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { connect } from '@/db/client';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { groups, posts, threads } from '@/db/schema';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { createReply } from './create-reply';
import { insertPost, stillOpenIn } from './insert-post';

async function postCount(threadId: number) {
  const [row] = await testDb().select({ n: sql<number>`count(*)::int` }).from(posts).where(eq(posts.threadId, threadId));
  return row!.n;
}

async function threadRow(threadId: number) {
  const [row] = await testDb().select().from(threads).where(eq(threads.id, threadId));
  return row!;
}

describe('createReply', () => {
  it('adds a numbered reply and keeps the counters', async () => {
    const { thread, owner, group } = await createThreadFixture();
    const ref = await createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, body: 'I do: Maître Alaoui.' });
    expect(ref.number).toBe(2);
    const after = await threadRow(thread.id);
    expect(after.replyCount).toBe(1);
    expect(after.lastPosterId).toBe(owner.id);
    const [g] = await testDb().select().from(groups).where(eq(groups.id, group.id));
    expect(g!.postCount).toBe(2);
  });

  // A thread with a close scheduled takes its replies in a transaction that locks it first; others in one statement.
  it.each([
    ['each in one statement', null],
    ['each in a transaction', sql`now() + interval '1 day'`],
  ])('lands 200 concurrent replies from different members with unique gap-free numbers, %s', async (_, closeAt) => {
    const { thread, group } = await createThreadFixture();
    if (closeAt) await testDb().update(threads).set({ closeAt }).where(eq(threads.id, thread.id));
    const repliers = await Promise.all(Array.from({ length: 200 }, () => createMember()));
    for (const m of repliers) await addToGroup(group.id, m.id);
    // A pool of 100 connections, so that the replies really reach PostgreSQL side by side.
    const wide = connect(inject('databaseUrl'), 100);
    const results = await Promise.allSettled(
      repliers.map((m, i) => createReply({ db: wide.db, viewer: viewerOf(m) }, { threadId: thread.id, body: `Reply number ${i}` })),
    );
    await wide.sql.end();
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const numbers = (await testDb().select({ n: posts.number }).from(posts).where(eq(posts.threadId, thread.id))).map((r) => r.n);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    const after = await threadRow(thread.id);
    expect(after.replyCount).toBe(200);
    expect(after.lastPostNumber).toBe(201);
    const [g] = await testDb().select().from(groups).where(eq(groups.id, group.id));
    expect(g!.postCount).toBe(201);
  });

  it('writes nothing when the thread is no longer as its reply checked it, and says why', async () => {
    const { thread, owner, group } = await createThreadFixture();
    const before = await threadRow(thread.id);
    await testDb().update(threads).set({ closed: true }).where(eq(threads.id, thread.id));
    const post = { threadId: thread.id, groupId: group.id, authorId: owner.id, body: 'Late', bodyHtml: '<p>Late</p>', language: null, replyToPostId: null, idempotencyKey: undefined };
    expect(await insertPost(testDb(), post, { opening: false, still: stillOpenIn(group.id) })).toBeNull();
    expect(await postCount(thread.id)).toBe(1);
    expect(await threadRow(thread.id)).toMatchObject({ replyCount: before.replyCount, lastPostNumber: before.lastPostNumber });
    const [g] = await testDb().select().from(groups).where(eq(groups.id, group.id));
    expect(g!.postCount).toBe(1);
    await expect(createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, body: 'Late' })).rejects.toThrow('This thread is closed');
  });

  it('creates one post when the same submission arrives twice, one after the other or at once', async () => {
    const { thread, owner } = await createThreadFixture();
    const ctx = { db: testDb(), viewer: viewerOf(owner) };
    const key = randomUUID();
    const first = await createReply(ctx, { threadId: thread.id, body: 'Thanks!', idempotencyKey: key });
    const again = await createReply(ctx, { threadId: thread.id, body: 'Thanks!', idempotencyKey: key });
    expect(again).toEqual(first);
    const raceKey = randomUUID();
    const raced = await Promise.all(
      Array.from({ length: 5 }, () => createReply(ctx, { threadId: thread.id, body: 'Double click', idempotencyKey: raceKey })),
    );
    expect(new Set(raced.map((r) => r.postId)).size).toBe(1);
    expect(await postCount(thread.id)).toBe(3);
    expect((await threadRow(thread.id)).lastPostNumber).toBe(3);
  });

  it('records which post a reply quotes', async () => {
    const { thread, owner, openingPostId } = await createThreadFixture();
    const ref = await createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, body: '> Who knows?\n\nMe.', replyToNumber: 1 });
    const [row] = await testDb().select().from(posts).where(eq(posts.id, ref.postId));
    expect(row!.replyToPostId).toBe(openingPostId);
  });

  it.each([
    ['an empty body', { body: '   ' }, /Write something/],
    ['a 1 MB body', { body: 'x'.repeat(1024 * 1024) }, /limited to 32,000 characters/],
    ['a quote of a post that is not in the thread', { body: 'hi', replyToNumber: 99 }, /not in this thread/],
    ['a forged thread id', { body: 'hi', threadId: 'abc' }, /Unknown id/],
  ])('refuses %s and writes nothing', async (_, input, message) => {
    const { thread, owner } = await createThreadFixture();
    await expect(createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, ...input })).rejects.toThrow(message);
    expect(await postCount(thread.id)).toBe(1);
    expect((await threadRow(thread.id)).lastPostNumber).toBe(1);
  });

  it('refuses unknown threads, deleted threads and closed threads', async () => {
    const { thread, owner } = await createThreadFixture();
    const ctx = { db: testDb(), viewer: viewerOf(owner) };
    await expect(createReply(ctx, { threadId: 2 ** 31 - 1, body: 'hi' })).rejects.toBeInstanceOf(NotFoundError);
    await testDb().update(threads).set({ closed: true }).where(eq(threads.id, thread.id));
    await expect(createReply(ctx, { threadId: thread.id, body: 'hi' })).rejects.toBeInstanceOf(ConflictError);
    await testDb().update(threads).set({ closed: false, deletedAt: new Date() }).where(eq(threads.id, thread.id));
    await expect(createReply(ctx, { threadId: thread.id, body: 'hi' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await postCount(thread.id)).toBe(1);
  });

  it('refuses non-members of a members-only group, and hides private groups from outsiders', async () => {
    const outsider = viewerOf(await createMember());
    const open = await createThreadFixture({ visibility: 'public', postingPolicy: 'members' });
    await expect(createReply({ db: testDb(), viewer: outsider }, { threadId: open.thread.id, body: 'hi' })).rejects.toBeInstanceOf(ForbiddenError);
    const closed = await createThreadFixture({ visibility: 'private' });
    await expect(createReply({ db: testDb(), viewer: outsider }, { threadId: closed.thread.id, body: 'hi' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets any signed-in member reply where the group allows it', async () => {
    const { thread } = await createThreadFixture({ visibility: 'public', postingPolicy: 'signed_in' });
    const visitor = viewerOf(await createMember());
    await expect(createReply({ db: testDb(), viewer: visitor }, { threadId: thread.id, body: 'Welcome!' })).resolves.toMatchObject({ number: 2 });
  });

  it('gives field messages for invalid input', async () => {
    const { thread, owner } = await createThreadFixture();
    const error = await createReply({ db: testDb(), viewer: viewerOf(owner) }, { threadId: thread.id, body: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).fieldErrors.body).toEqual(['Write something first.']);
  });
});

describe('the language of a post', () => {
  it('is detected, and the author can say otherwise', async () => {
    const { thread, owner } = await createThreadFixture();
    const ctx = { db: testDb(), viewer: viewerOf(owner) };
    const arabic = await createReply(ctx, { threadId: thread.id, body: 'أبحث عن موثق في فاس، هل من توصية؟' });
    const chosen = await createReply(ctx, { threadId: thread.id, body: 'OK', language: 'fr' });
    const rows = await testDb().select({ id: posts.id, language: posts.language }).from(posts).where(eq(posts.threadId, thread.id));
    expect(rows.find((r) => r.id === arabic.postId)?.language).toBe('ar');
    expect(rows.find((r) => r.id === chosen.postId)?.language).toBe('fr');
    await expect(createReply(ctx, { threadId: thread.id, body: 'x', language: 'xx' })).rejects.toThrow(/offered languages/);
  });
});
