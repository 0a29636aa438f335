import {
  boolean,
  type AnyPgColumn,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { members } from './members';

export const groupVisibility = pgEnum('group_visibility', ['public', 'private']);
export const joinPolicy = pgEnum('join_policy', ['open', 'request', 'invite']);
export const postingPolicy = pgEnum('posting_policy', ['members', 'signed_in']);
export const groupRole = pgEnum('group_role', ['owner', 'moderator', 'member']);

export const groups = pgTable(
  'groups',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    visibility: groupVisibility('visibility').notNull().default('public'),
    joinPolicy: joinPolicy('join_policy').notNull().default('open'),
    postingPolicy: postingPolicy('posting_policy').notNull().default('members'),
    onePerProfession: boolean('one_per_profession').notNull().default(false),
    parentId: integer('parent_id').references((): AnyPgColumn => groups.id),
    /** Maintained by the verbs that add threads and posts, never recomputed per request. */
    threadCount: integer('thread_count').notNull().default(0),
    postCount: integer('post_count').notNull().default(0),
    lastPostedAt: timestamp('last_posted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    importKey: text('import_key').unique(),
  },
  (t) => [index('groups_parent_idx').on(t.parentId)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    role: groupRole('role').notNull().default('member'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.memberId] }), index('group_members_member_idx').on(t.memberId)],
);
