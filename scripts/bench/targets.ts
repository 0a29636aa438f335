/**
 * What each scenario requests on a given generated forum, looked up in its database: the
 * busiest public group and a deep page of its list, a 20-post thread, the longest thread,
 * the most prolific member, and threads the bench member may reply to.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { SCALE_BENCH_EMAIL } from '@/db/seed/scale/generate-scale';
import { POSTS_PER_PAGE, THREADS_PER_PAGE } from '@/lib/rules';
import { encodeCursor } from '@/lib/threads/list-threads';

export const DEEP_LIST_PAGE = 500;
export const DEEP_THREAD_PAGE = 400;
const REPLY_THREADS = 64;

export type BenchTargets = {
  benchMemberId: number;
  group: { slug: string; threads: number };
  /** The `after` cursor of the deepest full list page up to DEEP_LIST_PAGE, or null when the list has one page. */
  deepList: { page: number; cursor: string } | null;
  shortThread: { id: number; posts: number };
  longThread: { id: number; posts: number; page: number };
  profileId: number;
  replyThreadIds: number[];
  /** Where the forum could not give what a scenario asks for, and what it got instead. */
  notes: string[];
};

export async function findTargets(db: Database): Promise<BenchTargets> {
  const notes: string[] = [];
  const one = async <T>(query: ReturnType<typeof sql>, what: string): Promise<T> => {
    const [row] = await db.execute(query);
    if (!row) throw new Error(`No ${what} in this forum: is it a generated one (npm run seed:scale)?`);
    return row as T;
  };
  const { id: benchMemberId } = await one<{ id: number }>(sql`select id from members where email = ${SCALE_BENCH_EMAIL}`, 'bench member');
  // Public groups (and circles of public groups) are what anonymous visitors read.
  const group = await one<{ id: number; slug: string; threads: number }>(
    sql`select g.id, g.slug, count(t.id)::int as threads
        from groups g join threads t on t.group_id = g.id and t.deleted_at is null and not t.unlisted and not t.archived
        where g.visibility = 'public' group by g.id order by threads desc, g.id limit 1`,
    'public group with threads',
  );
  // The last full page at most, as for the long thread below.
  const fullListPages = Math.max(1, Math.floor(group.threads / THREADS_PER_PAGE));
  let deepList: BenchTargets['deepList'] = null;
  const page = Math.min(DEEP_LIST_PAGE, fullListPages);
  if (page < DEEP_LIST_PAGE) notes.push(`group ${group.slug} has ${group.threads} threads (${fullListPages} full pages): its deep page is page ${page}, not ${DEEP_LIST_PAGE}`);
  if (page > 1) {
    // The cursor the page before links to: the last thread of page - 1, in the list's own order.
    const last = await one<{ last_posted_at: string; id: number }>(
      sql`select last_posted_at, id from threads
          where group_id = ${group.id} and deleted_at is null and not unlisted and not archived and not pinned
          order by last_posted_at desc, id desc offset ${(page - 1) * THREADS_PER_PAGE - 1} limit 1`,
      'deep list page',
    );
    deepList = { page, cursor: encodeCursor({ lastPostedAt: new Date(last.last_posted_at), id: last.id }) };
  }
  const publicThread = sql`from threads t join groups g on g.id = t.group_id where g.visibility = 'public' and t.deleted_at is null and not t.unlisted`;
  const short = await one<{ id: number; posts: number }>(
    sql`select t.id, t.last_post_number as posts ${publicThread} order by abs(t.last_post_number - ${POSTS_PER_PAGE}), t.id limit 1`,
    'thread',
  );
  if (short.posts !== POSTS_PER_PAGE) notes.push(`no ${POSTS_PER_PAGE}-post thread: the short thread has ${short.posts} posts`);
  const long = await one<{ id: number; posts: number }>(sql`select t.id, t.last_post_number as posts ${publicThread} order by t.last_post_number desc, t.id limit 1`, 'thread');
  // Its last full page at most: a short last page would make the small forum look faster than it is.
  const fullPages = Math.max(1, Math.floor(long.posts / POSTS_PER_PAGE));
  const longPage = Math.min(DEEP_THREAD_PAGE, fullPages);
  if (longPage < DEEP_THREAD_PAGE) notes.push(`the longest public thread has ${long.posts.toLocaleString('en')} posts (${fullPages} full pages): its deep page is page ${longPage}, not ${DEEP_THREAD_PAGE}`);
  // The most prolific author in public groups, so the profile lists a full page of recent posts to
  // anyone; not the bench member, whose signed-in view would be of their own profile.
  const { id: profileId } = await one<{ id: number }>(
    sql`select p.author_id as id from posts p join threads t on t.id = p.thread_id join groups g on g.id = t.group_id
        where g.visibility = 'public' and p.deleted_at is null and p.author_id <> ${benchMemberId}
        group by p.author_id order by count(*) desc, p.author_id limit 1`,
    'author',
  );
  const replyThreads = await db.execute<{ id: number }>(
    sql`select t.id from threads t join group_members gm on gm.group_id = t.group_id and gm.member_id = ${benchMemberId}
        where t.deleted_at is null and not t.closed and not t.archived and t.close_at is null and t.close_after_idle_days is null
        order by t.last_post_number, t.id limit ${REPLY_THREADS}`,
  );
  if (replyThreads.length === 0) throw new Error('The bench member may reply to no thread.');
  return {
    benchMemberId,
    group: { slug: group.slug, threads: group.threads },
    deepList,
    shortThread: short,
    longThread: { ...long, page: longPage },
    profileId,
    replyThreadIds: replyThreads.map((r) => r.id),
    notes,
  };
}
