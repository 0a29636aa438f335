import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { groups } from './groups';
import { members } from './members';
import { posts } from './posts';
import { threads } from './threads';

/**
 * How much a member hears about a thread or a group: every new post (watching), a count of
 * new posts plus mentions and replies to them (tracking), mentions and replies only (normal),
 * or nothing at all (muted).
 */
export const notificationLevel = pgEnum('notification_level', ['watching', 'tracking', 'normal', 'muted']);

export const threadSubscriptions = pgTable(
  'thread_subscriptions',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    level: notificationLevel('level').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The fan-out reads a thread's watchers; the primary key serves a member's own settings.
  (t) => [primaryKey({ columns: [t.memberId, t.threadId] }), index('thread_subscriptions_thread_idx').on(t.threadId, t.level)],
);

export const groupSubscriptions = pgTable(
  'group_subscriptions',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    level: notificationLevel('level').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.groupId] }), index('group_subscriptions_group_idx').on(t.groupId, t.level)],
);

/** A member following another: told of their new threads, and with `includePosts` of their replies too. */
export const memberFollows = pgTable(
  'member_follows',
  {
    followerId: integer('follower_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    followedId: integer('followed_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    includePosts: boolean('include_posts').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.followerId, t.followedId] }), index('member_follows_followed_idx').on(t.followedId)],
);

/**
 * One thing a member is told about. `kind` is one of NOTIFICATION_KINDS (lib/notifications/kinds.ts).
 * Content kinds point at a post; the unique index makes "the same post never notifies the same
 * person twice" hold even when a fan-out job is replayed.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    postId: integer('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    groupId: integer('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => members.id, { onDelete: 'set null' }),
    /** Small facts a kind needs to be shown (a moderation action and its reason, names not notified). */
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When set, an email about it is due from then (mentions and direct replies); cleared once mailed or skipped. */
    emailDueAt: timestamp('email_due_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_member_post_key').on(t.memberId, t.postId).where(sql`${t.postId} is not null and ${t.kind} <> 'moderation'`),
    index('notifications_member_idx').on(t.memberId, t.id.desc()),
    index('notifications_unread_idx').on(t.memberId).where(sql`${t.readAt} is null`),
    index('notifications_email_due_idx').on(t.emailDueAt).where(sql`${t.emailDueAt} is not null`),
    index('notifications_post_idx').on(t.postId),
    index('notifications_thread_idx').on(t.threadId),
    index('notifications_group_idx').on(t.groupId),
    index('notifications_actor_idx').on(t.actorId),
  ],
);

/** Posts whose readers must be told, written with the post and drained by the worker, so posting stays fast however many watch. */
export const notificationJobs = pgTable(
  'notification_jobs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    /** An edited post tells only the people newly mentioned in it; watchers heard of it when it was written. */
    mentionsOnly: boolean('mentions_only').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [index('notification_jobs_due_idx').on(t.nextAttemptAt, t.id), index('notification_jobs_post_idx').on(t.postId)],
);

export const bookmarks = pgTable(
  'bookmarks',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    note: text('note'),
    /** When to remind the member; the worker turns a due reminder into a notification and clears it. */
    remindAt: timestamp('remind_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.postId] }),
    index('bookmarks_post_idx').on(t.postId),
    index('bookmarks_remind_idx').on(t.remindAt).where(sql`${t.remindAt} is not null`),
  ],
);

/**
 * A one-time unsubscribe link, stored as a hash: a forged token matches nothing, and a used
 * one is recognised and answered kindly rather than applied twice.
 */
export const unsubscribeTokens = pgTable(
  'unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** What the link stops: 'replies' (mention and reply emails) or 'digest'. */
    scope: text('scope', { enum: ['replies', 'digest'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('unsubscribe_tokens_member_idx').on(t.memberId)],
);
