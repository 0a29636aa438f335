import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const digestFrequency = pgEnum('digest_frequency', ['off', 'daily', 'weekly']);

export const members = pgTable('members', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  /** Stored lower-cased and trimmed: one address, one member. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /**
   * What `@mentions` name: lower-case letters (any script), digits, `_`, `.` and `-`. The database
   * derives it from the name when a member is created (migration 0013), so every way in gets one.
   */
  handle: text('handle').notNull().default('').unique(),
  /** Null for members brought in by an import: they sign in after a password reset. */
  passwordHash: text('password_hash'),
  profession: text('profession'),
  company: text('company'),
  city: text('city'),
  country: text('country'),
  languages: text('languages').array().notNull().default([]),
  /** The interface language the member chose; null follows the browser. */
  locale: text('locale'),
  bio: text('bio'),
  website: text('website'),
  socialLinks: text('social_links').array().notNull().default([]),
  /** Set when an avatar is uploaded; also busts browser caches of the image URL. */
  avatarUpdatedAt: timestamp('avatar_updated_at', { withTimezone: true }),
  isAdmin: boolean('is_admin').notNull().default(false),
  /** Email when mentioned or replied to (batched a few minutes). */
  emailReplies: boolean('email_replies').notNull().default(true),
  digest: digestFrequency('digest').notNull().default('off'),
  lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
  /** A site admin's suspension: no sign-in until this moment; the member is told why at sign-in. */
  suspendedUntil: timestamp('suspended_until', { withTimezone: true }),
  suspendedReason: text('suspended_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  importKey: text('import_key').unique(),
}, (t) => [
  // The directory filters by these; lower() so "Accountant" and "accountant" are one profession.
  index('members_profession_idx').on(sql`lower(${t.profession}) text_pattern_ops`),
  // The directory's order, walked page by page.
  index('members_name_idx').on(t.name, t.id),
  index('members_city_idx').on(sql`lower(${t.city})`),
  index('members_languages_idx').using('gin', t.languages),
]);

/** Avatars are small (resized to 256 px WebP on upload), so they live in the database with everything else. */
export const memberAvatars = pgTable('member_avatars', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  image: bytea('image').notNull(),
  contentType: text('content_type').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per signed-in browser, so that signing out kills the session token for good. */
export const memberSessions = pgTable(
  'member_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('member_sessions_member_idx').on(t.memberId)],
);

/** Fixed-window counters; kept in PostgreSQL so limits hold across app processes. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);

/** Site-wide facts such as when the demo content was loaded, so it is loaded once. */
export const siteSettings = pgTable('site_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
