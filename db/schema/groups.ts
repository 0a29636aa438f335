import { sql } from 'drizzle-orm';
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
  uniqueIndex,
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
    city: text('city'),
    region: text('region'),
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
    /**
     * The profession whose seat this member holds, normalised; set only in one-seat-per-profession
     * groups. The unique index below is what makes "one seat" hold under concurrent joins.
     */
    professionSeat: text('profession_seat'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.memberId] }),
    index('group_members_member_idx').on(t.memberId),
    uniqueIndex('group_members_profession_seat_key').on(t.groupId, t.professionSeat).where(sql`${t.professionSeat} is not null`),
  ],
);

/** People a moderator removed for good: they cannot rejoin, request or accept an invitation. */
export const groupBans = pgTable(
  'group_bans',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    bannedById: integer('banned_by_id')
      .notNull()
      .references(() => members.id),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.memberId] }), index('group_bans_member_idx').on(t.memberId), index('group_bans_banned_by_idx').on(t.bannedById)],
);

/** A member a group's moderators silenced for a while: they still read the group, but cannot post in it. */
export const groupSilences = pgTable(
  'group_silences',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    silencedById: integer('silenced_by_id')
      .notNull()
      .references(() => members.id),
    until: timestamp('until', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.memberId] }), index('group_silences_member_idx').on(t.memberId), index('group_silences_silenced_by_idx').on(t.silencedById)],
);

export const joinRequestStatus = pgEnum('join_request_status', ['pending', 'approved', 'declined', 'withdrawn']);

export const joinRequests = pgTable(
  'join_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: joinRequestStatus('status').notNull().default('pending'),
    decidedById: integer('decided_by_id').references(() => members.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Shown to the applicant when declined. */
    response: text('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open request per person and group.
    uniqueIndex('join_requests_pending_key').on(t.groupId, t.memberId).where(sql`${t.status} = 'pending'`),
    index('join_requests_group_status_idx').on(t.groupId, t.status, t.createdAt),
    index('join_requests_member_idx').on(t.memberId),
    index('join_requests_decided_by_idx').on(t.decidedById),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    createdById: integer('created_by_id')
      .notNull()
      .references(() => members.id),
    /** Set for an invitation sent to one address: only that member may accept it. */
    email: text('email'),
    /** SHA-256 of the token; the token itself is only ever in the link. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    maxUses: integer('max_uses').notNull(),
    useCount: integer('use_count').notNull().default(0),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invitations_group_idx').on(t.groupId, t.createdAt), index('invitations_created_by_idx').on(t.createdById)],
);
