import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { groups } from './groups';
import { members } from './members';

export const threads = pgTable(
  'threads',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => members.id),
    title: text('title').notNull(),
    pinned: boolean('pinned').notNull().default(false),
    /** A pin that ends by itself; lists unpin it once this time has passed. */
    pinnedUntil: timestamp('pinned_until', { withTimezone: true }),
    /** Pinned by a site admin for every group's readers: an announcement on the home page. */
    pinnedGlobally: boolean('pinned_globally').notNull().default(false),
    closed: boolean('closed').notNull().default(false),
    /** Why a moderator closed the thread, shown where the reply box was. */
    closedReason: text('closed_reason'),
    /** A close a moderator scheduled: at this moment, or this many days after the last post. */
    closeAt: timestamp('close_at', { withTimezone: true }),
    closeAfterIdleDays: integer('close_after_idle_days'),
    closeScheduledById: integer('close_scheduled_by_id').references(() => members.id),
    /** Read-only and out of the default lists, still readable and linkable. */
    archived: boolean('archived').notNull().default(false),
    /** Reachable by its link only: left out of lists and the sitemap. */
    unlisted: boolean('unlisted').notNull().default(false),
    /** Post-number allocator: the thread row is locked while a reply takes the next number. */
    lastPostNumber: integer('last_post_number').notNull().default(0),
    /** Visible replies (the opening post and deleted posts excluded). */
    replyCount: integer('reply_count').notNull().default(0),
    lastPostedAt: timestamp('last_posted_at', { withTimezone: true }).notNull().defaultNow(),
    lastPosterId: integer('last_poster_id').references(() => members.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Set when a moderator merged this thread into another: its old links lead there. */
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => threads.id),
    importKey: text('import_key').unique(),
  },
  (t) => [
    index('threads_group_activity_idx')
      .on(t.groupId, t.pinned.desc(), t.lastPostedAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index('threads_author_idx').on(t.authorId),
    index('threads_last_poster_idx').on(t.lastPosterId),
    index('threads_pinned_globally_idx').on(t.lastPostedAt).where(sql`${t.pinnedGlobally} and ${t.deletedAt} is null`),
    // The few threads with a close scheduled, read by the worker every minute.
    index('threads_close_schedule_idx').on(t.closeAt).where(sql`${t.closeAt} is not null or ${t.closeAfterIdleDays} is not null`),
  ],
);

/** How far each member has read each thread: drives "new posts" badges and opening at the first unread post. */
export const threadReads = pgTable(
  'thread_reads',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    lastReadPostNumber: integer('last_read_post_number').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.threadId] }), index('thread_reads_thread_idx').on(t.threadId)],
);
