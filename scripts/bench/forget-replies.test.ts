import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { groups, notifications, threads } from '@/db/schema';
import { intArray } from '@/db/sql-arrays';
import { drainSearchOutboxAlone } from '@/db/test/search-drain';
import { fanOutPosts } from '@/lib/notifications/fan-out';
import { createReply } from '@/lib/posts/create-reply';
import { beforeLeftoverReplies, forgetBenchReplies, lastPostId } from './forget-replies';

describe('after a benchmark run', () => {
  it('the run’s replies leave the forum as it was: posts, notifications, search entries and counters', async () => {
    const { thread, group, owner } = await createThreadFixture();
    const bench = viewerOf(await createMember());
    await addToGroup(group.id, bench.id);
    const before = { thread: (await testDb().select().from(threads).where(eq(threads.id, thread.id)))[0]!, group: (await testDb().select().from(groups).where(eq(groups.id, group.id)))[0]! };
    const mark = await lastPostId(testDb());
    const refs = [];
    for (const body of ['First benchmark reply', 'Second benchmark reply']) refs.push(await createReply({ db: testDb(), viewer: bench }, { threadId: thread.id, body }));
    const postIds = refs.map((ref) => ref.postId);
    await fanOutPosts(testDb(), postIds.map((postId) => ({ postId, mentionsOnly: false })));
    await drainSearchOutboxAlone();
    expect(await testDb().select().from(notifications).where(eq(notifications.memberId, owner.id))).toHaveLength(2);
    const indexed = () => testDb().execute(sql`select post_id from search_posts where post_id = any(${intArray(postIds)})`);
    expect(await indexed()).toHaveLength(2);

    expect(await forgetBenchReplies(testDb(), bench.id, mark)).toBe(2);

    const [after] = await testDb().select().from(threads).where(eq(threads.id, thread.id));
    expect(after).toMatchObject({ lastPostNumber: before.thread.lastPostNumber, replyCount: before.thread.replyCount, lastPosterId: before.thread.lastPosterId });
    const [groupAfter] = await testDb().select().from(groups).where(eq(groups.id, group.id));
    expect(groupAfter).toMatchObject({ postCount: before.group.postCount, threadCount: before.group.threadCount });
    expect(await testDb().select().from(notifications).where(eq(notifications.memberId, owner.id))).toEqual([]);
    expect(await indexed()).toHaveLength(0);
    // The next reply takes the number after the forum's own last post.
    expect((await createReply({ db: testDb(), viewer: bench }, { threadId: thread.id, body: 'Next run' })).number).toBe(before.thread.lastPostNumber + 1);
  });

  it('the replies a run that did not finish left behind are found by how they begin, and nothing the member wrote before', async () => {
    const { thread, group } = await createThreadFixture();
    const bench = viewerOf(await createMember());
    await addToGroup(group.id, bench.id);
    const ctx = { db: testDb(), viewer: bench };
    const own = await createReply(ctx, { threadId: thread.id, body: 'Benchmarks aside, who is coming on Tuesday?' });
    expect(await beforeLeftoverReplies(testDb(), bench.id, 'Benchmark reply')).toBeNull();
    const left = await createReply(ctx, { threadId: thread.id, body: 'Benchmark reply 1: thanks' });
    await createReply(ctx, { threadId: thread.id, body: 'Benchmark reply 2: thanks' });

    const mark = await beforeLeftoverReplies(testDb(), bench.id, 'Benchmark reply');
    expect(mark).toBe(left.postId - 1);
    expect(await forgetBenchReplies(testDb(), bench.id, mark!)).toBe(2);
    expect((await testDb().execute(sql`select id from posts where author_id = ${bench.id}`)).map((row) => row.id)).toEqual([own.postId]);
  });
});
