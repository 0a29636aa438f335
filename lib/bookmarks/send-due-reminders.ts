import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { bookmarks, members, notifications, posts, threads } from '@/db/schema';
import { intArray } from '@/db/sql-arrays';
import { readableGroups } from '../members/readable-groups';
import { REMINDER_BATCH } from './bookmark-rules';

type Due = {
  memberId: number;
  postId: number;
  note: string | null;
  threadId: number;
  groupId: number;
  gone: boolean;
  hiddenFromMember: boolean;
  viewer: { id: number; name: string; isAdmin: boolean };
};

/** Claims up to a batch of due reminders; SKIP LOCKED lets several workers share the work without reminding anyone twice. */
async function claimDue(tx: Tx, now: Date): Promise<Due[]> {
  return tx
    .select({
      memberId: bookmarks.memberId,
      postId: bookmarks.postId,
      note: bookmarks.note,
      threadId: posts.threadId,
      groupId: threads.groupId,
      gone: sql<boolean>`${posts.deletedAt} is not null or ${threads.deletedAt} is not null`,
      hiddenFromMember: sql<boolean>`${posts.hiddenAt} is not null and ${posts.authorId} <> ${bookmarks.memberId}`,
      viewer: { id: members.id, name: members.name, isAdmin: members.isAdmin },
    })
    .from(bookmarks)
    .innerJoin(posts, eq(posts.id, bookmarks.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(members, eq(members.id, bookmarks.memberId))
    .where(and(isNotNull(bookmarks.remindAt), lte(bookmarks.remindAt, now)))
    .orderBy(asc(bookmarks.remindAt))
    .limit(REMINDER_BATCH)
    .for('update', { of: bookmarks, skipLocked: true });
}

/** The due reminders whose member may still read the post, asked as that member (their groups may have changed since). */
async function stillReadable(tx: Tx, due: Due[]): Promise<Due[]> {
  const byMember = new Map<number, Due[]>();
  for (const d of due) if (!d.gone && !d.hiddenFromMember) byMember.set(d.memberId, [...(byMember.get(d.memberId) ?? []), d]);
  const kept: Due[] = [];
  for (const list of byMember.values()) {
    const readable = await readableGroups({ db: tx, viewer: list[0]!.viewer }, list.map((d) => d.groupId));
    kept.push(...list.filter((d) => readable.has(d.groupId)));
  }
  return kept;
}

/** The (member, post) pairs of `rows`, as a subquery to match against with `in`. */
const pairsOf = (rows: Due[]) => sql`(select * from unnest(${intArray(rows.map((d) => d.memberId))}, ${intArray(rows.map((d) => d.postId))}))`;

/**
 * Turns due bookmark reminders into notifications and clears them, a batch per transaction,
 * until none is due. A reminder on a post the member can no longer read (left or banned from
 * its group, post or thread deleted, post hidden) is cleared without a notification: telling
 * them would leak the post's title. A member has one notification per post
 * (notifications_member_post_key), so an earlier one about the same post (a mention, a reply,
 * an older reminder) gives way to the reminder, which arrives unread and newest, never lost.
 * Returns how many reminders were sent.
 */
export async function sendDueBookmarkReminders(db: Db, now = new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const due = await claimDue(tx, now);
      if (due.length === 0) return 0;
      const send = await stillReadable(tx, due);
      if (send.length > 0) {
        // Notifications are listed by id: replacing the row, rather than updating it, puts the reminder on top.
        await tx.delete(notifications).where(sql`(${notifications.memberId}, ${notifications.postId}) in ${pairsOf(send)} and ${notifications.kind} <> 'moderation'`);
        await tx
          .insert(notifications)
          .values(send.map((d) => ({ memberId: d.memberId, kind: 'bookmark_reminder', postId: d.postId, threadId: d.threadId, groupId: d.groupId, data: { note: d.note }, createdAt: now })))
          // A fan-out writing about the same post in between would otherwise fail the batch; the reminder wins.
          .onConflictDoUpdate({
            target: [notifications.memberId, notifications.postId],
            targetWhere: sql`${notifications.postId} is not null and ${notifications.kind} <> 'moderation'`,
            set: {
              kind: 'bookmark_reminder',
              actorId: null,
              data: sql`excluded.data`,
              createdAt: sql`excluded.created_at`,
              readAt: null,
              // Reminders are not emailed (EMAILED_KINDS in lib/notifications/kinds.ts).
              emailDueAt: null,
            },
          });
        sent += send.length;
      }
      await tx
        .update(bookmarks)
        .set({ remindAt: null })
        .where(sql`(${bookmarks.memberId}, ${bookmarks.postId}) in ${pairsOf(due)}`);
      return due.length;
    });
    if (claimed < REMINDER_BATCH) return sent;
  }
}
