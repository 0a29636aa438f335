import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { groups, notificationJobs, posts, searchOutbox, threadReads, threads, threadSubscriptions } from '@/db/schema';

export type NewPostRow = {
  threadId: number;
  groupId: number;
  /** 1 for a thread's opening post, whose thread row the caller has just written. */
  number: number;
  authorId: number;
  body: string;
  bodyHtml: string;
  language: string | null;
  replyToPostId: number | null;
  idempotencyKey: string | undefined;
};

/**
 * Writes a new post with everything it brings, in one statement: the thread's and group's
 * counters, the search index's and the fan-out's queue rows, the author tracking the thread,
 * and their read mark past their own post. One statement, not eight, because replies/s is
 * bound by the server's CPU and every statement costs it a round of query building.
 * Call it in the transaction holding the thread's row lock (a reply's number comes from it).
 */
export async function insertPost(db: Db, post: NewPostRow): Promise<number> {
  const opening = post.number === 1;
  const thread = opening
    ? sql``
    : sql`, thread as (
        update ${threads} set last_post_number = ${post.number}, reply_count = reply_count + 1, last_posted_at = now(), last_poster_id = ${post.authorId}
        where id = ${post.threadId})`;
  const [row] = await db.execute<{ id: number }>(sql`
    with post as (
      insert into ${posts} (thread_id, number, author_id, body, body_html, language, reply_to_post_id, idempotency_key)
      values (${post.threadId}, ${post.number}, ${post.authorId}, ${post.body}, ${post.bodyHtml}, ${post.language}, ${post.replyToPostId}, ${post.idempotencyKey ?? null})
      returning id
    )${thread}, search as (
      insert into ${searchOutbox} (subject, subject_id) select 'post', id from post
    ), fan_out as (
      insert into ${notificationJobs} (post_id) select id from post
    ), tracking as (
      -- Starting or replying to a thread tracks it, unless the member already chose a level for it.
      insert into ${threadSubscriptions} (member_id, thread_id, level) values (${post.authorId}, ${post.threadId}, 'tracking') on conflict do nothing
    ), read_mark as (
      insert into ${threadReads} (member_id, thread_id, last_read_post_number) values (${post.authorId}, ${post.threadId}, ${post.number})
      on conflict (member_id, thread_id) do update
        set last_read_post_number = greatest(${threadReads}.last_read_post_number, excluded.last_read_post_number), updated_at = now()
    ), group_counters as (
      update ${groups} set ${opening ? sql`thread_count = thread_count + 1, ` : sql``}post_count = post_count + 1, last_posted_at = now()
      where id = ${post.groupId}
    )
    select id from post`);
  return row!.id;
}
