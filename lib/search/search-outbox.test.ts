/**
 * The search outbox (lib/search/search-outbox.ts) and its worker (lib/search/drain-search-outbox.ts):
 * every committed change reaches the index, even when the index fails, a worker dies or two
 * workers run at once, and no rolled-back change ever does.
 *
 * Test files share one outbox, and other files' workers drain it while these tests run. So a
 * test that needs to decide when a worker sees its rows holds them back first (`heldBack`:
 * due tomorrow, set in the transaction that wrote them), and every check is by this test's own
 * post ids.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { intArray } from '@/db/sql-arrays';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { drainingAlone, drainSearchOutboxAlone } from '@/db/test/search-drain';
import type { Viewer } from '../context';
import { closeThread } from '../moderation/close-thread';
import { createReply } from '../posts/create-reply';
import { deletePost } from '../posts/delete-post';
import { editPost } from '../posts/edit-post';
import { createThread } from '../threads/create-thread';
import { drainSearchOutbox } from './drain-search-outbox';
import type { SearchEngine } from './engine';
import { postgresEngine } from './postgres/postgres-engine';
import { searchArchive } from './search-archive';

/** A made-up word no other test writes: letters only, so every stemmer keeps it whole. */
function uniqueWord(): string {
  return `zq${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function groupWithOwner() {
  const group = await createGroup({ visibility: 'public', joinPolicy: 'open' });
  const owner = await createMember();
  await addToGroup(group.id, owner.id, 'owner');
  return { group, owner: viewerOf(owner) };
}

function post(author: Viewer, groupSlug: string, title: string, body: string, db: Db = testDb()) {
  return createThread({ db, viewer: author }, { groupSlug, title, body });
}

type OutboxRow = { id: number; subject: string; subject_id: number; attempts: number; last_error: string | null; due_later: boolean };

/** The outbox rows of these posts (newer than row `after`), as `db` sees them. */
function outboxRows(postIds: number[], { db = testDb(), after = 0 }: { db?: Db; after?: number } = {}) {
  return db.execute<OutboxRow>(sql`
    select id, subject, subject_id, attempts, last_error, next_attempt_at > now() + interval '30 seconds' as due_later
    from search_outbox where subject = 'post' and subject_id = any(${intArray(postIds)}) and id > ${after} order by id`);
}

async function lastOutboxId(): Promise<number> {
  const [row] = await testDb().execute<{ id: number }>(sql`select coalesce(max(id), 0)::int as id from search_outbox`);
  return row!.id;
}

/**
 * Runs a change whose outbox rows no worker may see until the test says so: in the change's
 * own transaction they are made due tomorrow. Returns the change's result and those rows' ids.
 */
async function heldBack<T>(change: (tx: Db) => Promise<{ result: T; postIds: number[] }>): Promise<{ result: T; rowIds: number[] }> {
  return testDb().transaction(async (tx) => {
    const { result, postIds } = await change(tx);
    const rows = await tx.execute<{ id: number }>(sql`
      update search_outbox set next_attempt_at = now() + interval '1 day'
      where subject = 'post' and subject_id = any(${intArray(postIds)}) returning id`);
    return { result, rowIds: rows.map((row) => row.id) };
  });
}

/** Makes held-back rows due, ahead of everything else waiting. */
async function release(rowIds: number[], at = sql`'-infinity'::timestamptz`) {
  await testDb().execute(sql`update search_outbox set next_attempt_at = ${at} where id = any(${intArray(rowIds)})`);
}

/** Drains until none of these posts' changes is waiting (another file's worker may hold some for a moment). */
async function applied(postIds: number[], engine: SearchEngine = postgresEngine): Promise<void> {
  for (let pass = 0; pass < 100; pass++) {
    await drainSearchOutboxAlone(engine);
    if ((await outboxRows(postIds)).length === 0) return;
    await sleep(100);
  }
  throw new Error(`posts ${postIds.join(', ')}: the search outbox was not applied`);
}

async function indexRows(postIds: number[]) {
  return testDb().execute<{ post_id: number }>(sql`select post_id from search_posts where post_id = any(${intArray(postIds)}) order by post_id`);
}

async function found(groupSlug: string, word: string): Promise<number[]> {
  const { hits } = await searchArchive({ db: testDb(), viewer: null }, { q: word, group: groupSlug }, postgresEngine);
  return hits.map((hit) => hit.postId);
}

describe('search outbox', () => {
  it('a new, edited or deleted post is queued for the index in the same transaction as the change', async () => {
    const { group, owner } = await groupWithOwner();
    const created = await testDb().transaction(async (tx) => {
      const ref = await post(owner, group.slug, 'Catering for the spring gala', 'Who catered last year?', tx);
      // Seen before the commit, through the change's own transaction.
      expect(await outboxRows([ref.postId], { db: tx })).toMatchObject([{ subject: 'post', subject_id: ref.postId, attempts: 0 }]);
      return ref;
    });

    for (const change of [
      (tx: Db) => editPost({ db: tx, viewer: owner }, { postId: created.postId, body: 'Who catered the gala last year?' }),
      (tx: Db) => deletePost({ db: tx, viewer: owner }, { postId: created.postId }),
    ]) {
      const mark = await lastOutboxId();
      await testDb().transaction(async (tx) => {
        await change(tx);
        expect(await outboxRows([created.postId], { db: tx, after: mark })).toMatchObject([{ subject: 'post', subject_id: created.postId }]);
      });
    }
  });

  it('a change that is refused or rolled back leaves nothing for the index to pick up', async () => {
    const { group, owner } = await groupWithOwner();
    const thread = await post(owner, group.slug, 'Venue for the autumn fair', 'Suggestions welcome.');
    const mark = await lastOutboxId();
    /** Rows written since `mark` for a post of this thread, or for a post that does not exist (rolled back). */
    const strayRows = () =>
      testDb().execute(sql`
        select id from search_outbox o where o.id > ${mark} and o.subject = 'post'
          and (o.subject_id in (select id from posts where thread_id = ${thread.threadId}) or not exists (select 1 from posts p where p.id = o.subject_id))`);

    // A reply whose transaction is rolled back after the post was written.
    await expect(
      testDb().transaction(async (tx) => {
        await createReply({ db: tx, viewer: owner }, { threadId: thread.threadId, body: 'The old mill has a hall.' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // An edit rolled back the same way.
    await expect(
      testDb().transaction(async (tx) => {
        await editPost({ db: tx, viewer: owner }, { postId: thread.postId, body: 'Suggestions welcome, by Friday.' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // A reply to a closed thread is refused.
    await closeThread({ db: testDb(), viewer: owner }, { threadId: thread.threadId, reason: 'Venue booked' });
    await expect(createReply({ db: testDb(), viewer: owner }, { threadId: thread.threadId, body: 'Too late?' })).rejects.toThrow(/closed/);

    expect(await strayRows()).toEqual([]);
    const [count] = await testDb().execute<{ n: number }>(sql`select count(*)::int as n from posts where thread_id = ${thread.threadId}`);
    expect(count!.n).toBe(1);
  });

  it('a batch the index fails to apply is kept, retried later, and the edit then becomes searchable', async () => {
    const { group, owner } = await groupWithOwner();
    const before = uniqueWord();
    const after = uniqueWord();
    const ref = await post(owner, group.slug, 'Preferred suppliers', `Our preferred ${before} suppliers.`);
    await applied([ref.postId]);
    const { rowIds } = await heldBack(async (tx) => ({
      result: await editPost({ db: tx, viewer: owner }, { postId: ref.postId, body: `Our preferred ${after} suppliers.` }),
      postIds: [ref.postId],
    }));
    expect(rowIds).toHaveLength(1);

    // The index writes the batch, then fails: the first time it is asked to index this post.
    const failure = `search index unavailable (${uniqueWord()})`;
    let failed = false;
    const flaky: SearchEngine = {
      ...postgresEngine,
      name: 'flaky',
      async apply(db, changes) {
        await postgresEngine.apply(db, changes);
        if (!failed && changes.postIds.includes(ref.postId)) {
          failed = true;
          throw new Error(failure);
        }
      },
    };
    // Taking turns with other files' drains, which would apply the row with the working index.
    await drainingAlone(async () => {
      await release(rowIds);
      expect(await drainSearchOutbox(testDb(), flaky, rowIds.length)).toEqual({ applied: 0, failed: 1 });
    });
    expect(failed).toBe(true);

    expect(await outboxRows([ref.postId])).toMatchObject([{ id: rowIds[0], attempts: 1, last_error: `Error: ${failure}`, due_later: true }]);
    // Nothing of the failed batch reached the index.
    expect(await found(group.slug, after)).toEqual([]);
    expect(await found(group.slug, before)).toEqual([ref.postId]);

    await release(rowIds, sql`now()`);
    await applied([ref.postId], flaky);
    expect(await found(group.slug, after)).toEqual([ref.postId]);
    expect(await found(group.slug, before)).toEqual([]);
  });

  it('a worker that dies mid-batch loses nothing: the next pass applies its rows', async () => {
    const { group, owner } = await groupWithOwner();
    const word = uniqueWord();
    const { result: ref, rowIds } = await heldBack(async (tx) => {
      const created = await post(owner, group.slug, 'Sponsorship packages', `The ${word} package includes a stand.`, tx);
      return { result: created, postIds: [created.postId] };
    });

    // The worker claims the rows and indexes the post, then dies before it commits.
    await expect(
      testDb().transaction(async (tx) => {
        const claimed = await tx.execute<{ id: number }>(sql`select id from search_outbox where id = any(${intArray(rowIds)}) for update skip locked`);
        expect(claimed.map((row) => row.id)).toEqual(rowIds);
        await postgresEngine.apply(tx, { postIds: [ref.postId], threadIds: [] });
        throw new Error('worker killed');
      }),
    ).rejects.toThrow('worker killed');

    expect((await outboxRows([ref.postId])).map((row) => ({ id: row.id, attempts: row.attempts }))).toEqual([{ id: rowIds[0], attempts: 0 }]);
    expect(await indexRows([ref.postId])).toEqual([]);
    expect(await found(group.slug, word)).toEqual([]);

    await release(rowIds, sql`now()`);
    await applied([ref.postId]);
    expect(await found(group.slug, word)).toEqual([ref.postId]);
  });

  it('two workers running at once apply each change once and leave nothing behind', async () => {
    const { group, owner } = await groupWithOwner();
    const words = Array.from({ length: 12 }, () => uniqueWord());
    const { result: postIds, rowIds } = await heldBack(async (tx) => {
      const ids: number[] = [];
      for (const word of words) ids.push((await post(owner, group.slug, `Introductions: ${word}`, `Hello, I run ${word} and look for partners.`, tx)).postId);
      return { result: ids, postIds: ids };
    });
    expect(rowIds).toHaveLength(words.length);

    const mine = new Set(postIds);
    const appliedBy: number[][] = [[], []];
    const worker = (index: 0 | 1): SearchEngine => ({
      ...postgresEngine,
      name: `worker ${index}`,
      async apply(db, changes) {
        // Slow enough that the two workers' batches overlap.
        await sleep(30);
        await postgresEngine.apply(db, changes);
        appliedBy[index]!.push(...changes.postIds.filter((id) => mine.has(id)));
      },
    });
    await drainingAlone(async () => {
      await release(rowIds);
      await Promise.all(
        ([0, 1] as const).map(async (index) => {
          const engine = worker(index);
          for (let pass = 0; pass < 20 && (await outboxRows(postIds)).length > 0; pass++) await drainSearchOutbox(testDb(), engine, 3);
        }),
      );
    });
    await applied(postIds);

    const all = appliedBy.flat();
    expect(all.length).toBe(new Set(all).size);
    expect(await outboxRows(postIds)).toEqual([]);
    expect((await indexRows(postIds)).map((row) => row.post_id)).toEqual([...postIds].sort((a, b) => a - b));
    for (const [i, word] of words.entries()) expect(await found(group.slug, word)).toEqual([postIds[i]]);
  });

  it('replaying a change that was already applied is harmless', async () => {
    const { group, owner } = await groupWithOwner();
    const first = uniqueWord();
    const second = uniqueWord();
    const ref = await post(owner, group.slug, 'Mentor wanted', `Looking for a ${first} mentor.`);
    await applied([ref.postId]);
    const replay = () => testDb().execute(sql`insert into search_outbox (subject, subject_id) values ('post', ${ref.postId}), ('post', ${ref.postId})`);

    await replay();
    await applied([ref.postId]);
    expect(await indexRows([ref.postId])).toEqual([{ post_id: ref.postId }]);
    expect(await found(group.slug, first)).toEqual([ref.postId]);

    // A replay after an edit indexes the current text, never the text of its time.
    await editPost({ db: testDb(), viewer: owner }, { postId: ref.postId, body: `Looking for a ${second} mentor.` });
    await applied([ref.postId]);
    await replay();
    await applied([ref.postId]);
    expect(await indexRows([ref.postId])).toEqual([{ post_id: ref.postId }]);
    expect(await found(group.slug, first)).toEqual([]);
    expect(await found(group.slug, second)).toEqual([ref.postId]);

    // A replay after a deletion keeps the post out of the index.
    await deletePost({ db: testDb(), viewer: owner }, { postId: ref.postId });
    await applied([ref.postId]);
    await replay();
    await applied([ref.postId]);
    expect(await indexRows([ref.postId])).toEqual([]);
  });
});
