/** Bookmark rules, each with its reason (kept beside the verbs: lib/rules.ts is shared by many hands). */

/** Room for "ask her about the notary in March", not for a second post. */
export const BOOKMARK_NOTE_MAX_LENGTH = 500;

/** A reminder further out than a year is more likely forgotten than wanted; it would also sit in the worker's index for nothing. */
export const BOOKMARK_REMINDER_MAX_DAYS = 365;

/** Bookmarks shown per page of "My bookmarks". */
export const BOOKMARKS_PER_PAGE = 30;

/** Due reminders claimed per transaction by the worker, so one pass never holds many locks for long. */
export const REMINDER_BATCH = 100;

/** Excerpts on "My bookmarks" are cut to this many characters. */
export const BOOKMARK_EXCERPT_LENGTH = 200;
