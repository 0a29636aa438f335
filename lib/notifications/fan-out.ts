import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { groupSubscriptions, memberFollows, members, notifications, posts, threads, threadSubscriptions } from '@/db/schema';
import { intArray, textArray } from '@/db/sql-arrays';
import { EMAIL_BATCH_MINUTES, EMAILED_KINDS, type NotificationKind } from './kinds';
import { parseMentions } from './mentions';
import { readersAmong } from './readers';

type Reason = Extract<NotificationKind, 'mention' | 'reply' | 'watched_post' | 'followed_thread' | 'followed_post'>;

/** The strongest reason wins when one person has several: a mention, then a reply, then a watched thread, then a followed member. */
const STRENGTH: Record<Reason, number> = { mention: 4, reply: 3, watched_post: 2, followed_thread: 1, followed_post: 1 };

type NewPost = { id: number; threadId: number; groupId: number; number: number; authorId: number; body: string; replyToPostId: number | null; threadAuthorId: number };

/**
 * Tells everyone a new post concerns, once each: people it mentions, the author of the post it
 * answers (or of the thread), the thread's and group's watchers, and the author's followers.
 * Muting a thread (or its group, unless the thread is set otherwise) silences all of it, and
 * nobody hears of a post in a group they cannot read — mentioned outsiders are named back to
 * the author instead. Safe to run twice: the unique (member, post) index keeps one each; for an
 * edited post (`mentionsOnly`) that is what leaves only the newly mentioned to be told.
 */
export async function fanOutPost(db: Db, postId: number, { mentionsOnly = false } = {}): Promise<number> {
  const post = await livePost(db, postId);
  if (!post) return 0;
  const reasons = new Map<number, Reason>();
  const give = (memberId: number, reason: Reason) => {
    const had = reasons.get(memberId);
    if (memberId !== post.authorId && (!had || STRENGTH[reason] > STRENGTH[had])) reasons.set(memberId, reason);
  };

  const mentioned = await mentionedMembers(db, post.body);
  for (const m of mentioned) give(m.id, 'mention');
  if (!mentionsOnly) await giveToReaders(db, post, give);
  for (const id of await mutedAmong(db, post, [...reasons.keys()])) reasons.delete(id);

  const readers = await readersAmong(db, post.groupId, [...reasons.keys()]);
  const rows = [...reasons].filter(([id]) => readers.has(id));
  await insertNotifications(db, post, rows);
  const outsiders = mentioned.filter((m) => m.id !== post.authorId && !readers.has(m.id));
  if (outsiders.length > 0) {
    await db
      .insert(notifications)
      .values({ memberId: post.authorId, kind: 'mention_not_notified', postId: post.id, threadId: post.threadId, groupId: post.groupId, data: { names: outsiders.map((m) => m.name) } })
      .onConflictDoNothing();
  }
  return rows.length;
}

/** Everyone who hears of a new post without being mentioned in it. */
async function giveToReaders(db: Db, post: NewPost, give: (memberId: number, reason: Reason) => void): Promise<void> {
  if (post.number > 1) give(await answeredAuthor(db, post), 'reply');
  for (const id of await watchers(db, post)) give(id, 'watched_post');
  for (const f of await followers(db, post.authorId)) {
    if (post.number === 1) give(f.id, 'followed_thread');
    else if (f.includePosts) give(f.id, 'followed_post');
  }
}

async function livePost(db: Db, postId: number): Promise<NewPost | null> {
  const [row] = await db
    .select({
      id: posts.id, threadId: posts.threadId, groupId: threads.groupId, number: posts.number, authorId: posts.authorId, body: posts.body,
      replyToPostId: posts.replyToPostId, threadAuthorId: threads.authorId,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(and(eq(posts.id, postId), sql`${posts.deletedAt} is null and ${posts.hiddenAt} is null and ${threads.deletedAt} is null`));
  return row ?? null;
}

async function mentionedMembers(db: Db, body: string) {
  const handles = parseMentions(body);
  if (handles.length === 0) return [];
  return db.select({ id: members.id, name: members.name }).from(members).where(sql`${members.handle} = any(${textArray(handles)})`);
}

/** A reply answers the post it quotes, else the thread's opening post. */
async function answeredAuthor(db: Db, post: NewPost): Promise<number> {
  if (!post.replyToPostId) return post.threadAuthorId;
  const [target] = await db.select({ authorId: posts.authorId }).from(posts).where(eq(posts.id, post.replyToPostId));
  return target?.authorId ?? post.threadAuthorId;
}

/** Watching the thread, or watching the group without having set the thread otherwise. */
async function watchers(db: Db, post: NewPost): Promise<number[]> {
  const rows = await db.execute<{ member_id: number }>(sql`
    select member_id from ${threadSubscriptions} where thread_id = ${post.threadId} and level = 'watching'
    union
    select g.member_id from ${groupSubscriptions} g
    where g.group_id = ${post.groupId} and g.level = 'watching'
      and not exists (select 1 from ${threadSubscriptions} t where t.thread_id = ${post.threadId} and t.member_id = g.member_id)`);
  return rows.map((r) => r.member_id);
}

async function followers(db: Db, authorId: number) {
  return db.select({ id: memberFollows.followerId, includePosts: memberFollows.includePosts }).from(memberFollows).where(eq(memberFollows.followedId, authorId));
}

async function mutedAmong(db: Db, post: NewPost, memberIds: number[]): Promise<number[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.execute<{ member_id: number }>(sql`
    select m.id as member_id from unnest(${intArray(memberIds)}) as m(id)
    left join ${threadSubscriptions} t on t.member_id = m.id and t.thread_id = ${post.threadId}
    left join ${groupSubscriptions} g on g.member_id = m.id and g.group_id = ${post.groupId}
    where coalesce(t.level, g.level) = 'muted'`);
  return rows.map((r) => r.member_id);
}

async function insertNotifications(db: Db, post: NewPost, rows: [number, Reason][]): Promise<void> {
  if (rows.length === 0) return;
  const emailing = new Set(
    (await db.select({ id: members.id }).from(members).where(and(sql`${members.id} = any(${intArray(rows.map(([id]) => id))})`, eq(members.emailReplies, true)))).map((m) => m.id),
  );
  const emailDueAt = sql`now() + make_interval(mins => ${EMAIL_BATCH_MINUTES})`;
  await db
    .insert(notifications)
    .values(
      rows.map(([memberId, kind]) => ({
        memberId, kind, postId: post.id, threadId: post.threadId, groupId: post.groupId, actorId: post.authorId,
        emailDueAt: EMAILED_KINDS.includes(kind) && emailing.has(memberId) ? emailDueAt : null,
      })),
    )
    .onConflictDoNothing();
}
