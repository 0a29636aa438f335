import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { memberFollows, members, notifications, posts, threads } from '@/db/schema';
import { intArray, textArray } from '@/db/sql-arrays';
import { EMAIL_BATCH_MINUTES, EMAILED_KINDS, type NotificationKind } from './kinds';
import { parseMentions } from './mentions';
import { readersByGroup } from './readers';

type Reason = Extract<NotificationKind, 'mention' | 'reply' | 'watched_post' | 'followed_thread' | 'followed_post'>;

/** The strongest reason wins when one person has several: a mention, then a reply, then a watched thread, then a followed member. */
const STRENGTH: Record<Reason, number> = { mention: 4, reply: 3, watched_post: 2, followed_thread: 1, followed_post: 1 };

type NewPost = { id: number; threadId: number; groupId: number; number: number; authorId: number; body: string; replyToPostId: number | null; threadAuthorId: number };
type Mentioned = { id: number; name: string };

/** One post to tell about; `mentionsOnly` for an edited post, where only the newly mentioned are told. */
export type FanOutJob = { postId: number; mentionsOnly: boolean };

/** Who hears of each post of a batch, and why (one reason each: the strongest). */
class Audience {
  private readonly byPost = new Map<number, Map<number, Reason>>();

  give(post: NewPost, memberId: number, reason: Reason): void {
    if (memberId === post.authorId) return;
    const reasons = this.byPost.get(post.id) ?? new Map<number, Reason>();
    this.byPost.set(post.id, reasons);
    const had = reasons.get(memberId);
    if (!had || STRENGTH[reason] > STRENGTH[had]) reasons.set(memberId, reason);
  }

  of(post: NewPost): Map<number, Reason> {
    return this.byPost.get(post.id) ?? new Map();
  }
}

export async function fanOutPost(db: Db, postId: number, { mentionsOnly = false } = {}): Promise<number> {
  return fanOutPosts(db, [{ postId, mentionsOnly }]);
}

/**
 * Tells everyone each new post concerns, once each: people it mentions, the author of the post
 * it answers (or of the thread), the thread's and group's watchers, and the author's followers.
 * Muting a thread (or its group, unless the thread is set otherwise) silences all of it, and
 * nobody hears of a post in a group they cannot read — mentioned outsiders are named back to
 * the author instead. Safe to run twice: the unique (member, post) index keeps one each; for an
 * edited post (`mentionsOnly`) that is what leaves only the newly mentioned to be told.
 * A batch costs a few queries however many posts it holds (and a few more per group): the
 * fan-out runs for every reply, so its cost per post bounds how fast members can post.
 */
export async function fanOutPosts(db: Db, jobs: FanOutJob[]): Promise<number> {
  // A post with both a full job and an edit's job pending needs the full one.
  const full = new Set(jobs.filter((job) => !job.mentionsOnly).map((job) => job.postId));
  const batch = await livePosts(db, [...new Set(jobs.map((job) => job.postId))]);
  if (batch.length === 0) return 0;
  const audience = new Audience();
  const mentioned = await mentionedMembers(db, batch);
  for (const post of batch) for (const m of mentioned.get(post.id) ?? []) audience.give(post, m.id, 'mention');
  await giveToReaders(db, batch.filter((post) => full.has(post.id)), audience);
  await dropMuted(db, batch, audience);

  const readers = await readersOf(db, batch, audience, mentioned);
  const rows = batch.flatMap((post) => [...audience.of(post)].filter(([id]) => readers.get(post.groupId)!.has(id)).map(([memberId, kind]) => ({ post, memberId, kind })));
  await insertNotifications(db, rows);
  await tellAuthorsOfOutsiders(db, batch, mentioned, readers);
  return rows.length;
}

async function livePosts(db: Db, postIds: number[]): Promise<NewPost[]> {
  return db
    .select({
      id: posts.id, threadId: posts.threadId, groupId: threads.groupId, number: posts.number, authorId: posts.authorId, body: posts.body,
      replyToPostId: posts.replyToPostId, threadAuthorId: threads.authorId,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(sql`${posts.id} = any(${intArray(postIds)}) and ${posts.deletedAt} is null and ${posts.hiddenAt} is null and ${threads.deletedAt} is null`)
    .orderBy(posts.id);
}

/** The members each post mentions, looked up together. */
async function mentionedMembers(db: Db, batch: NewPost[]): Promise<Map<number, Mentioned[]>> {
  const handlesOf = new Map(batch.map((post) => [post.id, parseMentions(post.body)]));
  const handles = [...new Set([...handlesOf.values()].flat())];
  if (handles.length === 0) return new Map();
  const found = await db.select({ id: members.id, name: members.name, handle: members.handle }).from(members).where(sql`${members.handle} = any(${textArray(handles)})`);
  const byHandle = new Map(found.map((m) => [m.handle, { id: m.id, name: m.name }]));
  return new Map([...handlesOf].map(([postId, list]) => [postId, list.flatMap((handle) => byHandle.get(handle) ?? [])]));
}

/** Everyone who hears of a new post without being mentioned in it. */
async function giveToReaders(db: Db, batch: NewPost[], audience: Audience): Promise<void> {
  if (batch.length === 0) return;
  const answered = await answeredAuthors(db, batch);
  for (const post of batch) if (post.number > 1) audience.give(post, answered.get(post.id)!, 'reply');
  const byId = new Map(batch.map((post) => [post.id, post]));
  for (const w of await watchers(db, batch)) audience.give(byId.get(w.post_id)!, w.member_id, 'watched_post');
  const followersOf = await followers(db, batch);
  for (const post of batch) {
    for (const f of followersOf.get(post.authorId) ?? []) {
      if (post.number === 1) audience.give(post, f.id, 'followed_thread');
      else if (f.includePosts) audience.give(post, f.id, 'followed_post');
    }
  }
}

/** A reply answers the post it quotes, else the thread's opening post. */
async function answeredAuthors(db: Db, batch: NewPost[]): Promise<Map<number, number>> {
  const quoted = batch.flatMap((post) => post.replyToPostId ?? []);
  const rows = quoted.length === 0 ? [] : await db.select({ id: posts.id, authorId: posts.authorId }).from(posts).where(sql`${posts.id} = any(${intArray(quoted)})`);
  const authorOf = new Map(rows.map((row) => [row.id, row.authorId]));
  return new Map(batch.map((post) => [post.id, (post.replyToPostId && authorOf.get(post.replyToPostId)) || post.threadAuthorId]));
}

/** The posts as a relation (post_id, thread_id, group_id), for joining against subscriptions. */
function postsRelation(batch: NewPost[]) {
  return sql`unnest(${intArray(batch.map((p) => p.id))}, ${intArray(batch.map((p) => p.threadId))}, ${intArray(batch.map((p) => p.groupId))}) as p(post_id, thread_id, group_id)`;
}

/** Watching the thread, or watching the group without having set the thread otherwise. */
async function watchers(db: Db, batch: NewPost[]) {
  return db.execute<{ post_id: number; member_id: number }>(sql`
    select p.post_id, t.member_id from ${postsRelation(batch)}
    join thread_subscriptions t on t.thread_id = p.thread_id and t.level = 'watching'
    union
    select p.post_id, g.member_id from ${postsRelation(batch)}
    join group_subscriptions g on g.group_id = p.group_id and g.level = 'watching'
    where not exists (select 1 from thread_subscriptions t where t.thread_id = p.thread_id and t.member_id = g.member_id)`);
}

async function followers(db: Db, batch: NewPost[]) {
  const rows = await db
    .select({ followedId: memberFollows.followedId, id: memberFollows.followerId, includePosts: memberFollows.includePosts })
    .from(memberFollows)
    .where(sql`${memberFollows.followedId} = any(${intArray([...new Set(batch.map((post) => post.authorId))])})`);
  const byFollowed = new Map<number, typeof rows>();
  for (const row of rows) byFollowed.set(row.followedId, [...(byFollowed.get(row.followedId) ?? []), row]);
  return byFollowed;
}

/** Removes everyone who muted the post's thread, or its group without setting the thread otherwise. */
async function dropMuted(db: Db, batch: NewPost[], audience: Audience): Promise<void> {
  const pairs = batch.flatMap((post) => [...audience.of(post).keys()].map((memberId) => ({ post, memberId })));
  if (pairs.length === 0) return;
  const muted = await db.execute<{ post_id: number; member_id: number }>(sql`
    select c.post_id, c.member_id
    from unnest(${intArray(pairs.map((c) => c.post.id))}, ${intArray(pairs.map((c) => c.memberId))}, ${intArray(pairs.map((c) => c.post.threadId))}, ${intArray(pairs.map((c) => c.post.groupId))})
      as c(post_id, member_id, thread_id, group_id)
    left join thread_subscriptions t on t.member_id = c.member_id and t.thread_id = c.thread_id
    left join group_subscriptions g on g.member_id = c.member_id and g.group_id = c.group_id
    where coalesce(t.level, g.level) = 'muted'`);
  const byId = new Map(batch.map((post) => [post.id, post]));
  for (const row of muted) audience.of(byId.get(row.post_id)!).delete(row.member_id);
}

/** For each group of the batch, who among the people concerned may read it. */
async function readersOf(db: Db, batch: NewPost[], audience: Audience, mentioned: Map<number, Mentioned[]>): Promise<Map<number, Set<number>>> {
  const concerned = new Map<number, number[]>();
  for (const post of batch) {
    const ids = concerned.get(post.groupId) ?? [];
    ids.push(...audience.of(post).keys(), ...(mentioned.get(post.id) ?? []).map((m) => m.id));
    concerned.set(post.groupId, ids);
  }
  return readersByGroup(db, concerned);
}

async function insertNotifications(db: Db, rows: { post: NewPost; memberId: number; kind: Reason }[]): Promise<void> {
  if (rows.length === 0) return;
  const emailing = new Set(
    (await db.select({ id: members.id }).from(members).where(and(sql`${members.id} = any(${intArray([...new Set(rows.map((row) => row.memberId))])})`, eq(members.emailReplies, true)))).map(
      (m) => m.id,
    ),
  );
  const emailDueAt = sql`now() + make_interval(mins => ${EMAIL_BATCH_MINUTES})`;
  await db
    .insert(notifications)
    .values(
      rows.map(({ post, memberId, kind }) => ({
        memberId, kind, postId: post.id, threadId: post.threadId, groupId: post.groupId, actorId: post.authorId,
        emailDueAt: EMAILED_KINDS.includes(kind) && emailing.has(memberId) ? emailDueAt : null,
      })),
    )
    .onConflictDoNothing();
}

/** Mentioned people who may not read the group are named back to the post's author. */
async function tellAuthorsOfOutsiders(db: Db, batch: NewPost[], mentioned: Map<number, Mentioned[]>, readers: Map<number, Set<number>>): Promise<void> {
  const told = batch.flatMap((post) => {
    const outsiders = (mentioned.get(post.id) ?? []).filter((m) => m.id !== post.authorId && !readers.get(post.groupId)!.has(m.id));
    if (outsiders.length === 0) return [];
    return [{ memberId: post.authorId, kind: 'mention_not_notified' as const, postId: post.id, threadId: post.threadId, groupId: post.groupId, data: { names: outsiders.map((m) => m.name) } }];
  });
  if (told.length > 0) await db.insert(notifications).values(told).onConflictDoNothing();
}
