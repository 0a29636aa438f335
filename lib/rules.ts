/** Forum rules as named constants, each with its reason. */

/** Long enough to resist guessing, short enough to remember (Discourse and NIST both use 10+). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const THREAD_TITLE_MIN_LENGTH = 3;
export const THREAD_TITLE_MAX_LENGTH = 200;

/** Big enough for a long write-up; a 1 MB paste is refused rather than stored and rendered on every view. */
export const POST_BODY_MAX_LENGTH = 32_000;

export const MEMBER_NAME_MAX_LENGTH = 80;

/** Posts per thread page; page N holds post numbers (N-1)*PAGE+1 … N*PAGE, so any page is an index range. */
export const POSTS_PER_PAGE = 20;
export const THREADS_PER_PAGE = 30;

/** Sign-in attempts: NodeBB-style lock per account, Discourse-style limits per address. */
export const SIGN_IN_LIMITS = {
  perAccount: { max: 5, windowSeconds: 15 * 60 },
  perAddressMinute: { max: 6, windowSeconds: 60 },
  perAddressHour: { max: 30, windowSeconds: 60 * 60 },
} as const;

/** Sign-ups from one address, so a script cannot mint thousands of accounts. */
export const SIGN_UP_LIMIT = { max: 10, windowSeconds: 60 * 60 } as const;

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Invitations: a week by default, a month at most, and a link admits at most a hundred people. */
export const INVITATION_DEFAULT_DAYS = 7;
export const INVITATION_MAX_DAYS = 30;
export const INVITATION_MAX_USES = 100;

/**
 * Flags: a post flagged by this many distinct trusted members is hidden until a moderator
 * reviews it (Discourse's default). Trusted: a group's moderators, and members of the group
 * for a few days, so a crowd of new sign-ups cannot hide a post.
 */
export const FLAGS_TO_HIDE = 3;
export const FLAGGER_TRUSTED_AFTER_DAYS = 2;
/** Flags one member may raise a day: enough for a spam wave, too few to bury a group. */
export const FLAG_LIMIT = { max: 20, windowSeconds: 24 * 60 * 60 } as const;
export const FLAG_NOTE_MAX_LENGTH = 500;

/**
 * Limits on posting, from Discourse's defaults (see ../shared/REFERENCE.md). A new member is
 * one who joined less than `newMemberDays` ago or has fewer than `newMemberPosts` posts: they
 * wait longer between posts, post less per day, and may not add images or many links, which
 * is what stops a spam account in its first hour. Site admins, and a group's moderators in
 * their group, are not limited. Each can be changed with CERCLE_LIMITS (lib/posts/posting-limits.ts).
 */
export const DEFAULT_POSTING_LIMITS = {
  postIntervalSeconds: 5,
  threadIntervalSeconds: 15,
  newMemberPostIntervalSeconds: 30,
  newMemberThreadIntervalSeconds: 120,
  /** The same text again from the same member within this many minutes is refused. */
  duplicateWindowMinutes: 5,
  threadsPerDay: 20,
  newMemberThreadsPerDay: 3,
  newMemberRepliesPerDay: 10,
  newMemberLinks: 2,
  newMemberImages: 0,
  newMemberDays: 1,
  newMemberPosts: 3,
  editsPerHour: 30,
};
