import { z } from 'zod';
import { recordId } from '../posts/post-schemas';
import { BOOKMARK_NOTE_MAX_LENGTH, BOOKMARK_REMINDER_MAX_DAYS } from './bookmark-rules';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A datetime-local value ("2026-05-01T14:30") has no zone; Cercle shows every time in UTC
 * (i18n/request.ts) and the form says so, so it is read as UTC. A full ISO time or a Date
 * (from tests and scripts) keeps its own zone.
 */
function toDate(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return new Date(`${value}Z`);
  return typeof value === 'string' ? new Date(value) : value;
}

export const remindAt = z.preprocess(
  toDate,
  z
    .date('Choose a valid date and time for the reminder.')
    .refine((date) => date.getTime() > Date.now(), 'Choose a reminder time in the future.')
    .refine((date) => date.getTime() <= Date.now() + BOOKMARK_REMINDER_MAX_DAYS * DAY_MS, 'Reminders can be set at most a year ahead.')
    .optional(),
);

export const bookmarkPostSchema = z.object({
  postId: recordId,
  note: z
    .string()
    .trim()
    .max(BOOKMARK_NOTE_MAX_LENGTH, `Keep the note under ${BOOKMARK_NOTE_MAX_LENGTH} characters.`)
    .transform((v) => v || undefined)
    .optional(),
  remindAt,
});

export const removeBookmarkSchema = z.object({ postId: recordId });

/** "<created-at in ms>-<post id>": where the previous page stopped; a malformed one starts from the newest. */
export const listBookmarksSchema = z.object({
  before: z
    .string()
    .regex(/^\d{1,15}-\d{1,10}$/)
    .transform((value) => {
      const [at, postId] = value.split('-').map(Number) as [number, number];
      return { at: new Date(at), postId };
    })
    .optional()
    .catch(undefined),
});
