import { z } from 'zod';
import type { SignedInCtx } from '../context';
import { ConflictError, ForbiddenError } from '../errors';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { moderateThread } from './moderate-thread';

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export const pinThreadSchema = z.object({
  threadId: recordId,
  /** A day (from a date field) or a moment after which the pin ends by itself. */
  until: z
    .union([z.literal('').transform(() => undefined), z.coerce.date({ error: 'Give a valid date.' })])
    .optional()
    .refine((d) => !d || (d.getTime() > Date.now() && d.getTime() < Date.now() + ONE_YEAR_MS), 'Choose a date in the coming year.'),
  global: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});

/** Pins a thread to the top of its group, optionally until a date; site admins may pin it for everyone (an announcement). */
export async function pinThread(ctx: SignedInCtx, input: unknown) {
  const data = parseInput(pinThreadSchema, input);
  if (data.global && !ctx.viewer.isAdmin) throw new ForbiddenError('Only site admins can pin a thread for the whole site.');
  return moderateThread(ctx, { threadId: data.threadId, action: data.global ? 'pin_globally' : 'pin' }, (thread) => {
    if (data.global ? thread.pinnedGlobally : thread.pinned) throw new ConflictError('This thread is already pinned.');
    return data.global ? { pinnedGlobally: true, pinnedUntil: data.until ?? null } : { pinned: true, pinnedUntil: data.until ?? null };
  });
}
