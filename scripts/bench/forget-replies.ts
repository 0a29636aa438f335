import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { intArray } from '@/db/sql-arrays';
import { getSearchEngine } from '@/lib/search/search-engine';
import { adjustGroupCounters, recountThread, refreshGroupActivity } from '@/lib/threads/thread-counters';

/** The newest post's id: the bench's replies are the bench member's posts after it. */
export async function lastPostId(db: Database): Promise<number> {
  const [row] = await db.execute<{ id: number }>(sql`select coalesce(max(id), 0)::int as id from posts`);
  return row!.id;
}

/**
 * Takes a run's replies back out of the generated forum, so that every run measures the same
 * forum: the posts and all that refers to them (notifications, queue rows, search entries), and
 * their threads' and groups' counters. Left in, they pile up run after run as the newest posts,
 * all alike, and change what is measured (a common-word search reads the newest posts first).
 * Call it once the server has stopped, so nothing is still writing about them.
 */
export async function forgetBenchReplies(db: Database, memberId: number, afterPostId: number): Promise<number> {
  return db.transaction(async (tx) => {
    const gone = await tx.execute<{ id: number; thread_id: number; group_id: number }>(sql`
      select p.id, p.thread_id, t.group_id from posts p join threads t on t.id = p.thread_id
      where p.author_id = ${memberId} and p.id > ${afterPostId}`);
    if (gone.length === 0) return 0;
    const postIds = gone.map((row) => row.id);
    const ids = intArray(postIds);
    // Deleted first, so the search engine drops them as it would any deleted post.
    await tx.execute(sql`update posts set deleted_at = now() where id = any(${ids})`);
    await getSearchEngine().apply(tx, { postIds, threadIds: [] });
    for (const table of ['notifications', 'notification_jobs', 'bookmarks', 'post_flags', 'post_revisions', 'moderation_log']) {
      await tx.execute(sql`delete from ${sql.identifier(table)} where post_id = any(${ids})`);
    }
    await tx.execute(sql`delete from search_outbox where subject = 'post' and subject_id = any(${ids})`);
    await tx.execute(sql`delete from posts where id = any(${ids})`);
    const threadIds = [...new Set(gone.map((row) => row.thread_id))];
    // Numbers continue where the forum left them, and the bench member has read no further than that.
    await tx.execute(sql`
      update threads t set last_post_number = (select max(p.number) from posts p where p.thread_id = t.id) where t.id = any(${intArray(threadIds)})`);
    await tx.execute(sql`
      update thread_reads r set last_read_post_number = least(r.last_read_post_number, t.last_post_number)
      from threads t where t.id = r.thread_id and t.id = any(${intArray(threadIds)})`);
    for (const threadId of threadIds) await recountThread(tx, threadId);
    const perGroup = new Map<number, number>();
    for (const row of gone) perGroup.set(row.group_id, (perGroup.get(row.group_id) ?? 0) + 1);
    await adjustGroupCounters(tx, [...perGroup].map(([groupId, n]) => ({ groupId, threads: 0, posts: -n })));
    for (const groupId of perGroup.keys()) await refreshGroupActivity(tx, groupId);
    return gone.length;
  });
}

/**
 * The newest post before the first reply an earlier run left in the forum (one stopped before it
 * could take its replies back), or null when there is none. `prefix`: how the bench's replies begin.
 */
export async function beforeLeftoverReplies(db: Database, memberId: number, prefix: string): Promise<number | null> {
  const [row] = await db.execute<{ id: number | null }>(sql`
    select min(id)::int - 1 as id from posts where author_id = ${memberId} and starts_with(body, ${prefix})`);
  return row?.id ?? null;
}

/** The tables a run's replies and their taking back leave dead rows in. */
const WRITTEN_TABLES = ['posts', 'threads', 'groups', 'search_posts', 'search_recent_posts', 'search_lexemes', 'search_outbox', 'notification_jobs', 'notifications', 'thread_reads', 'thread_subscriptions'];

/**
 * Vacuums what a run wrote and took back. Left to autovacuum, tens of thousands of dead rows
 * are cleaned up during the next run's first scenarios, which then measure the cleaning.
 */
export async function vacuumAfterRun(db: Database): Promise<void> {
  await db.execute(sql.raw(`vacuum (analyze) ${WRITTEN_TABLES.join(', ')}`));
}
