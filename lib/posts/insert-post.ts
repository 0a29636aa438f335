import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { groups, notificationJobs, posts, searchOutbox, threadReads, threads, threadSubscriptions } from '@/db/schema';
import type { PostRef } from './find-submitted-post';

export type NewPost = {
  threadId: number;
  groupId: number;
  authorId: number;
  body: string;
  bodyHtml: string;
  language: string | null;
  replyToPostId: number | null;
  idempotencyKey: string | undefined;
};

/**
 * How the new post finds its place: as the opening post of a thread the caller has just
 * written, or as the next reply of a thread that is still in the state the caller checked
 * (`still`: a condition on the thread's row; empty when the caller holds the row's lock).
 */
export type Placement = { opening: true } | { opening: false; still: SQL };

/** A thread row still open for replies, in the group the caller checked, with no close scheduled. */
export const stillOpenIn = (groupId: number): SQL =>
  sql`and group_id = ${groupId} and not closed and not archived and deleted_at is null and close_at is null and close_after_idle_days is null`;

/**
 * Writes a new post with everything it brings, in one statement: its number (the thread's next,
 * taken under the thread row's lock, so numbers are unique and gap-free and a failed insert rolls
 * its number back with it), the thread's and group's counters, the search index's and the
 * fan-out's queue rows, the author tracking the thread and their read mark past their own post.
 * One statement, not eight, because replies/s is bound by the server's CPU and every statement
 * costs it a round of query building. Null, writing nothing, when a reply's thread is no longer
 * as `still` says.
 */
export async function insertPost(db: Db, post: NewPost, placement: Placement): Promise<PostRef | null> {
  const numbered = placement.opening
    ? sql`numbered as (select 1 as number)`
    : sql`numbered as (
        update ${threads} set last_post_number = last_post_number + 1, reply_count = reply_count + 1, last_posted_at = now(), last_poster_id = ${post.authorId}
        where id = ${post.threadId} ${placement.still}
        returning last_post_number as number)`;
  const [row] = await db.execute<{ id: number; number: number }>(sql`
    with ${numbered}, post as (
      insert into ${posts} (thread_id, number, author_id, body, body_html, language, reply_to_post_id, idempotency_key)
      select ${post.threadId}, number, ${post.authorId}, ${post.body}, ${post.bodyHtml}, ${post.language}, ${post.replyToPostId}, ${post.idempotencyKey ?? null}
      from numbered
      returning id, number
    ), search as (
      insert into ${searchOutbox} (subject, subject_id) select 'post', id from post
    ), fan_out as (
      insert into ${notificationJobs} (post_id) select id from post
    ), tracking as (
      -- Starting or replying to a thread tracks it, unless the member already chose a level for it.
      insert into ${threadSubscriptions} (member_id, thread_id, level) select ${post.authorId}, ${post.threadId}, 'tracking' from post on conflict do nothing
    ), read_mark as (
      insert into ${threadReads} (member_id, thread_id, last_read_post_number) select ${post.authorId}, ${post.threadId}, number from post
      on conflict (member_id, thread_id) do update
        set last_read_post_number = greatest(${threadReads}.last_read_post_number, excluded.last_read_post_number), updated_at = now()
    ), group_counters as (
      update ${groups} set ${placement.opening ? sql`thread_count = thread_count + 1, ` : sql``}post_count = post_count + 1, last_posted_at = now()
      where id = ${post.groupId} and exists (select 1 from post)
    )
    select id, number from post`);
  return row ? { postId: row.id, threadId: post.threadId, number: row.number } : null;
}
