import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { groups } from './groups';
import { members } from './members';
import { posts } from './posts';
import { threads } from './threads';

/**
 * Every moderator and admin action: who did what to which thread, post or member, when and
 * why. Written in the same transaction as the action, so the record and the change agree.
 */
export const moderationLog = pgTable(
  'moderation_log',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    /** Null when the forum acted by itself (a post hidden by its flags). */
    actorId: integer('actor_id').references(() => members.id),
    /** One of MODERATION_ACTIONS (lib/moderation/moderate-thread.ts). */
    action: text('action').notNull(),
    threadId: integer('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    /** The post acted on, for actions on one post (a moderator deleting or restoring it). */
    postId: integer('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    /** The member acted on, for actions on a person (silencing, suspending). */
    memberId: integer('member_id').references(() => members.id, { onDelete: 'cascade' }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('moderation_log_member_idx').on(t.memberId),
    // A group's log is paged newest first by id (lib/moderation/list-moderation-log.ts).
    index('moderation_log_group_idx').on(t.groupId, t.id),
    index('moderation_log_actor_idx').on(t.actorId),
    index('moderation_log_thread_idx').on(t.threadId),
    index('moderation_log_post_idx').on(t.postId),
  ],
);

/** A member's flag on a post, open until a moderator of its group reviews the post. */
export const postFlags = pgTable(
  'post_flags',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    flaggerId: integer('flagger_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** One of FLAG_REASONS (lib/moderation/flag-reasons.ts). */
    reason: text('reason').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedById: integer('resolved_by_id').references(() => members.id),
    /** agreed, disagreed or deferred. */
    resolution: text('resolution'),
  },
  (t) => [
    // One open flag per member and post: flagging twice is refused, even from two tabs at once.
    uniqueIndex('post_flags_open_key').on(t.postId, t.flaggerId).where(sql`${t.resolvedAt} is null`),
    index('post_flags_open_idx').on(t.createdAt).where(sql`${t.resolvedAt} is null`),
    index('post_flags_flagger_idx').on(t.flaggerId),
    index('post_flags_resolved_by_idx').on(t.resolvedById),
  ],
);
