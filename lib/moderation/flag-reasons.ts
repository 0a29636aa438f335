/** Why a member flags a post (Discourse's choices); "other" needs a note. */
export const FLAG_REASONS = ['spam', 'rude', 'off_topic', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
