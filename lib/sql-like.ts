/** What a member typed, matched literally in LIKE: `%` and `_` are not wildcards to them (`_` is even part of handles). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
