import { and, asc, eq, exists, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '@/db/client';
import { members, notifications, posts, threads } from '@/db/schema';
import { enqueueMail } from '../../mail/enqueue-mail';
import { mailLocale } from '../../mail/mail-translator';
import { readableGroups } from '../../members/readable-groups';
import { siteUrl } from '../../site-url';
import { threadPostUrl } from '../../threads/urls';
import { EMAILED_KINDS } from '../kinds';
import { withUnsubscribe } from './notification-mail';
import { replyMailBody, type ReplyMailItem } from './reply-mail';
import { issueUnsubscribeToken } from './unsubscribe';

/** Members handled per pass; the worker comes back every 30 seconds for the rest. */
const MEMBERS_PER_PASS = 20;

export type Recipient = Pick<typeof members.$inferSelect, 'id' | 'name' | 'email' | 'locale' | 'isAdmin'>;

const recipientColumns = { id: members.id, name: members.name, email: members.email, locale: members.locale, isAdmin: members.isAdmin };

/**
 * Mails the mentions and replies that are due (not to a suspended member: theirs are let go), one email per member however many are
 * waiting. Members are claimed with FOR NO KEY UPDATE SKIP LOCKED, so two workers never mail
 * the same person twice, while the fan-out can still add notifications for them meanwhile
 * (its foreign-key check only needs KEY SHARE). Each member is a savepoint of its own, so one
 * that fails is retried on the next pass without holding back the others.
 */
export async function sendReplyEmails(db: Database, now = new Date()): Promise<{ mailed: number }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ ...recipientColumns, emailReplies: sql<boolean>`${members.emailReplies} and not coalesce(${members.suspendedUntil} > ${now.toISOString()}::timestamptz, false)` })
      .from(members)
      .where(exists(tx.select({ one: sql`1` }).from(notifications).where(and(eq(notifications.memberId, members.id), lte(notifications.emailDueAt, now)))))
      .orderBy(asc(members.id))
      .limit(MEMBERS_PER_PASS)
      .for('no key update', { skipLocked: true });
    let mailed = 0;
    for (const member of due) {
      try {
        if (await tx.transaction((sp) => mailMember(sp, member, member.emailReplies))) mailed++;
      } catch (error) {
        console.error(`[reply emails] member ${member.id} failed; retried on the next pass`, error);
      }
    }
    return { mailed };
  });
}

const actors = alias(members, 'actor');

/** Everything waiting for one member, gathered at once so that a burst becomes one email. */
async function pendingFor(tx: Tx, memberId: number) {
  return tx
    .select({
      id: notifications.id,
      kind: notifications.kind,
      readAt: notifications.readAt,
      actorName: actors.name,
      post: { number: posts.number, body: posts.body, deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt },
      // The post's thread now, not when notified: a moved post is judged where it lives.
      thread: { id: threads.id, title: threads.title, groupId: threads.groupId, deletedAt: threads.deletedAt },
    })
    .from(notifications)
    .leftJoin(posts, eq(posts.id, notifications.postId))
    .leftJoin(threads, eq(threads.id, posts.threadId))
    .leftJoin(actors, eq(actors.id, notifications.actorId))
    .where(and(eq(notifications.memberId, memberId), isNotNull(notifications.emailDueAt)))
    .orderBy(asc(notifications.id));
}

type Pending = Awaited<ReturnType<typeof pendingFor>>[number];

const isEmailed = (kind: string): kind is ReplyMailItem['kind'] => (EMAILED_KINDS as readonly string[]).includes(kind);

/**
 * Mails one member in the transaction that clears what it reports. What changed since the
 * notification was made is checked again here: a notification read in the app, a post since
 * deleted or hidden, or a group the member has left (or was banned from) carries nothing.
 */
async function mailMember(tx: Tx, member: Recipient, wantsEmail: boolean): Promise<boolean> {
  const pending = await pendingFor(tx, member.id);
  if (pending.length === 0) return false;
  await tx.update(notifications).set({ emailDueAt: null }).where(inArray(notifications.id, pending.map((n) => n.id)));
  if (!wantsEmail) return false;

  const candidates = pending.filter((n) => n.readAt === null && isEmailed(n.kind) && n.post && !n.post.deletedAt && !n.post.hiddenAt && n.thread && !n.thread.deletedAt);
  const readable = await readableGroups({ db: tx, viewer: member }, candidates.map((n) => n.thread!.groupId));
  const items = candidates.filter((n) => readable.has(n.thread!.groupId)).map(toItem);
  if (items.length === 0) return false;

  const locale = mailLocale(member.locale);
  const token = await issueUnsubscribeToken(tx, member.id, 'replies');
  await enqueueMail(tx, await withUnsubscribe({ to: member.email, locale, ...(await replyMailBody(locale, items)) }, 'replies', token));
  return true;
}

function toItem(n: Pending): ReplyMailItem {
  return {
    kind: n.kind as ReplyMailItem['kind'],
    actorName: n.actorName,
    threadTitle: n.thread!.title,
    body: n.post!.body,
    url: `${siteUrl()}${threadPostUrl(n.thread!.id, n.post!.number)}`,
  };
}
