import { z } from 'zod';
import { recordId } from '../posts/post-schemas';

/** How long a silence or suspension lasts, in days: from a day to a year (Discourse offers the same range). */
export const PENALTY_DAYS = [1, 3, 7, 14, 30, 90, 365] as const;

/** A silence or suspension: who, for how long, and why; the member is shown the reason. */
export const penaltySchema = z.object({
  memberId: recordId,
  days: z.coerce.number().pipe(z.literal(PENALTY_DAYS, 'Choose how long it lasts.')),
  reason: z.string({ error: 'Say why: the member is shown the reason.' }).trim().min(1, 'Say why: the member is shown the reason.').max(300, 'Keep the reason under 300 characters.'),
});

export function penaltyEnd(days: number): Date {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000);
}
