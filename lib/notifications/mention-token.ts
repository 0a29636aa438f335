/**
 * The syntax of an `@handle`, shared by the composer's autocomplete (in the browser) and by
 * parseMentions (on the server), so what the composer offers is what gets notified.
 * No imports: this file is bundled into the client.
 */

/**
 * What a handle is made of: letters of any script, digits, `_`, `.` and `-`, as the database
 * derives them (migration 0013). Combining marks as well: the database leaves them out of handles
 * (Devanagari vowel signs are not [:alnum:] there), but people type names with them, and reading
 * them as part of the word lets the composer look `@प्रि` up by name and keeps `@प्रिया` from
 * mentioning whoever is `@प`.
 */
const HANDLE_CHAR = String.raw`[\p{L}\p{M}\p{N}_.\-]`;

/**
 * A character that, just before `@`, makes it part of a word rather than a mention: the local part
 * of `x@y.z` ends in one, and `/` keeps `https://example.com/@someone` a link.
 */
const JOINED_BEFORE = String.raw`[\p{L}\p{M}\p{N}_.+\-/@]`;

/** Every `@handle` in a text; group 1 is the handle as written. */
export const mentionPattern = () => new RegExp(String.raw`(?<!${JOINED_BEFORE})@(${HANDLE_CHAR}+)`, 'gu');

const TYPED_BEFORE_CARET = new RegExp(String.raw`(?<!${JOINED_BEFORE})@(${HANDLE_CHAR}+)$`, 'u');
const HANDLE_RUN = new RegExp(String.raw`^${HANDLE_CHAR}*`, 'u');

/** Handles never end in these (the database trims them), so `@leila.` at the end of a sentence names leila. */
export const trimHandle = (written: string) => written.replace(/[._-]+$/, '');

export type MentionToken = {
  /** Index of the `@`. */
  start: number;
  /** Index just past the handle's characters, which may run on after the caret. */
  end: number;
  /** What was typed between the `@` and the caret. */
  query: string;
};

/** The `@handle` being typed at `caret`, once at least one character follows the `@`; otherwise null. */
export function mentionTokenAt(text: string, caret: number): MentionToken | null {
  const typed = TYPED_BEFORE_CARET.exec(text.slice(0, caret));
  if (!typed) return null;
  return { start: typed.index, end: caret + HANDLE_RUN.exec(text.slice(caret))![0].length, query: typed[1]! };
}

/** `text` with `token` replaced by `@handle ` and where the caret goes next: after that space. */
export function insertMention(text: string, token: MentionToken, handle: string): { text: string; caret: number } {
  const before = `${text.slice(0, token.start)}@${handle}`;
  const rest = text.slice(token.end);
  // A space already there is reused rather than doubled.
  return { text: before + (/^\s/.test(rest) ? rest : ` ${rest}`), caret: before.length + 1 };
}
