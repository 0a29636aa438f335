import { boolean, customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { posts } from './posts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A search row's columns: one row per visible post. A function, because a column belongs to a single table. */
const searchRowColumns = () => ({
  postId: integer('post_id')
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  threadId: integer('thread_id').notNull(),
  groupId: integer('group_id').notNull(),
  authorId: integer('author_id').notNull(),
  postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  /** The opening post carries the thread's title (weight A) as well as its body (weight D). */
  isOpening: boolean('is_opening').notNull(),
  /** The text-search configuration the post was stemmed with: its language's, or cercle_simple. */
  config: text('config').notNull(),
  document: tsvector('document').notNull(),
});

/**
 * The PostgreSQL search engine's index: one row per visible post, written by the search
 * worker from the outbox. Which groups a searcher may read is decided when they search,
 * never stored here, so a group turning private hides its posts at once.
 */
export const searchPosts = pgTable('search_posts', searchRowColumns(), (t) => [
  index('search_posts_document_idx').using('gin', t.document),
  index('search_posts_group_idx').on(t.groupId, t.postId),
  index('search_posts_author_idx').on(t.authorId, t.postId),
  index('search_posts_thread_idx').on(t.threadId),
]);

/**
 * The newest posts' rows of search_posts again (RECENT_WINDOW of them, lib/search/postgres),
 * with a word index of their own. Two frequent words rarely found together would make the
 * whole index read both words' long lists of posts; here the lists are a tenth as long, and
 * such a search ranks the recent matches first. Written and trimmed with search_posts.
 */
export const searchRecentPosts = pgTable('search_recent_posts', searchRowColumns(), (t) => [
  index('search_recent_posts_document_idx').using('gin', t.document),
  index('search_recent_posts_thread_idx').on(t.threadId),
]);

/**
 * Every word stem in the index, with about how many posts hold it: a misspelt query word is
 * matched to a close stem (pg_trgm), and the counts tell how widely a query will match
 * before it runs. Counts only grow between rebuilds (an edited post counts again).
 */
export const searchLexemes = pgTable(
  'search_lexemes',
  { lexeme: text('lexeme').primaryKey(), documents: integer('documents').notNull().default(0) },
  (t) => [index('search_lexemes_trgm_idx').using('gin', t.lexeme.op('gin_trgm_ops'))],
);

/**
 * Changes the search index must follow, written in the same transaction as the change.
 * The worker recomputes each subject from the current rows, so replaying a row is harmless.
 */
export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    subject: text('subject', { enum: ['post', 'thread'] }).notNull(),
    subjectId: integer('subject_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [index('search_outbox_due_idx').on(t.nextAttemptAt, t.id)],
);
