import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
    actorId: integer('actor_id')
      .notNull()
      .references(() => members.id),
    /** One of MODERATION_ACTIONS (lib/moderation/moderate-thread.ts). */
    action: text('action').notNull(),
    threadId: integer('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    /** The post acted on, for actions on one post (a moderator deleting or restoring it). */
    postId: integer('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('moderation_log_group_idx').on(t.groupId, t.createdAt.desc()),
    index('moderation_log_actor_idx').on(t.actorId),
    index('moderation_log_thread_idx').on(t.threadId),
    index('moderation_log_post_idx').on(t.postId),
  ],
);
