import { and, asc, desc, eq, exists, gt, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { groupMembers, groups, members, posts, threads } from '@/db/schema';
import { intArray } from '@/db/sql-arrays';
import { enqueueMail } from '../../mail/enqueue-mail';
import { mailLocale } from '../../mail/mail-translator';
import { readableGroups } from '../../members/readable-groups';
import { siteUrl } from '../../site-url';
import { digestMailBody, type DigestThread } from './digest-mail';
import { withUnsubscribe } from './notification-mail';
import { issueUnsubscribeToken } from './unsubscribe';

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD_MS = { daily: DAY_MS, weekly: 7 * DAY_MS } as const;
/** A digest is a glance, not a second inbox. */
export const DIGEST_THREADS = 5;
const MEMBERS_PER_PASS = 50;

type Subscriber = Pick<typeof members.$inferSelect, 'id' | 'name' | 'email' | 'locale' | 'isAdmin' | 'lastDigestAt'> & { digest: 'daily' | 'weekly' };

/**
 * Sends the daily and weekly summaries that are due, a batch of members per pass. Members are
 * claimed with SKIP LOCKED, so several workers share the work without sending one twice; each
 * member is a savepoint, so one failure is retried next pass and holds back nobody else.
 */
/** A suspended member gets no digest: the site is closed to them for now. */
const notSuspended = sql`(${members.suspendedUntil} is null or ${members.suspendedUntil} <= now())`;

export async function sendDigests(db: Database, now = new Date()): Promise<{ mailed: number }> {
  const dueBefore = (frequency: 'daily' | 'weekly') => new Date(now.getTime() - PERIOD_MS[frequency]);
  const due = (frequency: 'daily' | 'weekly') =>
    and(eq(members.digest, frequency), or(isNull(members.lastDigestAt), lte(members.lastDigestAt, dueBefore(frequency))));
  return db.transaction(async (tx) => {
    const subscribers = (await tx
      .select({ id: members.id, name: members.name, email: members.email, locale: members.locale, isAdmin: members.isAdmin, lastDigestAt: members.lastDigestAt, digest: members.digest })
      .from(members)
      .where(and(or(due('daily'), due('weekly')), notSuspended))
      .orderBy(sql`${members.lastDigestAt} asc nulls first`, asc(members.id))
      .limit(MEMBERS_PER_PASS)
      .for('no key update', { skipLocked: true })) as Subscriber[];
    let mailed = 0;
    for (const member of subscribers) {
      try {
        if (await tx.transaction((sp) => digestMember(sp, member, now))) mailed++;
      } catch (error) {
        console.error(`[digests] member ${member.id} failed; retried on the next pass`, error);
      }
    }
    return { mailed };
  });
}

async function digestMember(tx: Tx, member: Subscriber, now: Date): Promise<boolean> {
  const since = member.lastDigestAt ?? new Date(now.getTime() - PERIOD_MS[member.digest]);
  await tx.update(members).set({ lastDigestAt: now }).where(eq(members.id, member.id));
  const threadsToShow = await mostActiveThreads(tx, member, since, now);
  if (threadsToShow.length === 0) return false;
  const locale = mailLocale(member.locale);
  const token = await issueUnsubscribeToken(tx, member.id, 'digest');
  await enqueueMail(tx, await withUnsubscribe({ to: member.email, locale, ...(await digestMailBody(locale, member.digest, threadsToShow)) }, 'digest', token));
  return true;
}

/**
 * The threads with the most new posts since `since`, among groups the member may read: public
 * groups and their own, each checked by readableGroups (a private parent, a ban). Deleted,
 * hidden and the member's own posts do not count; unlisted, merged and deleted threads never show.
 */
async function mostActiveThreads(tx: Tx, member: Subscriber, since: Date, now: Date): Promise<DigestThread[]> {
  const mine = exists(tx.select({ one: sql`1` }).from(groupMembers).where(and(eq(groupMembers.groupId, groups.id), eq(groupMembers.memberId, member.id))));
  const candidates = await tx.select({ id: groups.id }).from(groups).where(or(eq(groups.visibility, 'public'), mine));
  const readable = await readableGroups({ db: tx, viewer: member }, candidates.map((g) => g.id));
  if (readable.size === 0) return [];
  const newPosts = sql<number>`count(*)::int`;
  const rows = await tx
    .select({ id: threads.id, title: threads.title, groupId: threads.groupId, newPosts })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(
      and(
        sql`${threads.groupId} = any(${intArray([...readable.keys()])})`,
        gt(posts.createdAt, since),
        lte(posts.createdAt, now),
        isNull(posts.deletedAt),
        isNull(posts.hiddenAt),
        ne(posts.authorId, member.id),
        isNull(threads.deletedAt),
        eq(threads.unlisted, false),
        isNull(threads.mergedIntoId),
      ),
    )
    .groupBy(threads.id)
    .orderBy(desc(newPosts), desc(sql`max(${posts.createdAt})`), desc(threads.id))
    .limit(DIGEST_THREADS);
  return rows.map((row) => ({ title: row.title, groupName: readable.get(row.groupId)!.name, newPosts: row.newPosts, url: `${siteUrl()}/t/${row.id}` }));
}
