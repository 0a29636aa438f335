import { z } from 'zod';
import type { SignedInCtx } from '../context';
import { ConflictError } from '../errors';
import { moderationReason, recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { moderateThread } from './moderate-thread';

/** Now, in so many days, or so many days after the last post (Discourse's "close after last reply"). */
export const CLOSE_WHEN = ['now', 'in:1', 'in:3', 'in:7', 'in:30', 'idle:3', 'idle:7', 'idle:14'] as const;

export const closeThreadSchema = z.object({
  threadId: recordId,
  reason: moderationReason,
  when: z.enum(CLOSE_WHEN, 'Choose when to close the thread.').default('now'),
});

const DAY_MS = 24 * 60 * 60 * 1000;
const unscheduled = { closeAt: null, closeAfterIdleDays: null, closeScheduledById: null };

/**
 * Closes a thread to new replies, with the reason readers will see; or schedules the close,
 * which the worker carries out (lib/moderation/close-due-threads.ts).
 */
export async function closeThread(ctx: SignedInCtx, input: unknown) {
  const { threadId, reason, when } = parseInput(closeThreadSchema, input);
  const [mode, days] = when === 'now' ? ['now', 0] : [when.split(':')[0], Number(when.split(':')[1])];
  return moderateThread(ctx, { threadId, action: mode === 'now' ? 'close' : 'schedule_close', reason }, (thread) => {
    if (thread.closed) throw new ConflictError('This thread is already closed.');
    if (mode === 'now') return { closed: true, closedReason: reason || null, ...unscheduled };
    const schedule = mode === 'in' ? { closeAt: new Date(Date.now() + days * DAY_MS), closeAfterIdleDays: null } : { closeAt: null, closeAfterIdleDays: days };
    return { ...schedule, closeScheduledById: ctx.viewer.id, closedReason: reason || null };
  });
}

export const cancelScheduledCloseSchema = z.object({ threadId: recordId });

/** Drops a scheduled close; the thread stays open. */
export async function cancelScheduledClose(ctx: SignedInCtx, input: unknown) {
  const { threadId } = parseInput(cancelScheduledCloseSchema, input);
  return moderateThread(ctx, { threadId, action: 'unschedule_close' }, (thread) => {
    if (thread.closed || (!thread.closeAt && !thread.closeAfterIdleDays)) throw new ConflictError('No close is scheduled for this thread.');
    return { ...unscheduled, closedReason: null };
  });
}
