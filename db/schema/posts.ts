import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';
import { threads } from './threads';

export const posts = pgTable(
  'posts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id),
    /** 1 is the opening post; numbers are gap-free within a thread. */
    number: integer('number').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => members.id),
    /** Markdown as written. */
    body: text('body').notNull(),
    /** Sanitized HTML rendered from body at write time. */
    bodyHtml: text('body_html').notNull(),
    /** The language it is written in (detected, or as the author said); null when unknown. */
    language: text('language'),
    replyToPostId: integer('reply_to_post_id').references((): AnyPgColumn => posts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedById: integer('deleted_by_id').references(() => members.id),
    /** Hidden from readers until a moderator reviews it: by a moderator, or by enough flags. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    /** Sent by the form; a retried or double-clicked submission finds its first post instead of making a second. */
    idempotencyKey: uuid('idempotency_key'),
    importKey: text('import_key').unique(),
  },
  (t) => [
    unique('posts_thread_number_key').on(t.threadId, t.number),
    unique('posts_author_idempotency_key').on(t.authorId, t.idempotencyKey),
    index('posts_author_created_idx').on(t.authorId, t.createdAt.desc()),
    index('posts_reply_to_idx').on(t.replyToPostId),
    index('posts_deleted_by_idx').on(t.deletedById),
    // Lets a search drop deleted posts from its candidates without reading each post.
    index('posts_deleted_idx').on(t.id).where(sql`${t.deletedAt} is not null`),
  ],
);

/** The body a post had before each edit, so the history can be shown. */
export const postRevisions = pgTable(
  'post_revisions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    /** 1 is the original text. */
    revision: integer('revision').notNull(),
    body: text('body').notNull(),
    /** When this version was written, and by whom. */
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
    writtenById: integer('written_by_id')
      .notNull()
      .references(() => members.id),
    reason: text('reason'),
  },
  (t) => [unique('post_revisions_post_revision_key').on(t.postId, t.revision), index('post_revisions_writer_idx').on(t.writtenById)],
);
