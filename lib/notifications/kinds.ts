/**
 * What a notification tells. Content kinds point at a post (a member hears about one post
 * once, by its strongest reason: a mention beats a reply, which beats a watched thread, which
 * beats a followed member); the others are about the member's standing or reminders.
 */
export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'watched_post',
  'followed_thread',
  'followed_post',
  'join_approved',
  'moderation',
  'mention_not_notified',
  'bookmark_reminder',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds that also send an email (batched a few minutes) to members who keep `emailReplies` on. */
export const EMAILED_KINDS: readonly NotificationKind[] = ['mention', 'reply'];

/** How long a reply or mention email waits for others to join it in one message. */
export const EMAIL_BATCH_MINUTES = 3;

/** Mentions beyond this many names in one post are ignored (Discourse's max_mentions_per_post). */
export const MAX_MENTIONS_PER_POST = 10;

/** How much a member hears about a thread or a group (db/schema/notifications.ts). */
export const NOTIFICATION_LEVELS = ['watching', 'tracking', 'normal', 'muted'] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];
