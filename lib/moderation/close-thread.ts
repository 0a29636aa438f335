import { z } from 'zod';
import type { SignedInCtx } from '../context';
import { ConflictError } from '../errors';
import { moderationReason, recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { moderateThread } from './moderate-thread';

export const closeThreadSchema = z.object({
  threadId: recordId,
  reason: moderationReason,
});

/** Closes a thread to new replies, with the reason readers will see. */
export async function closeThread(ctx: SignedInCtx, input: unknown) {
  const { threadId, reason } = parseInput(closeThreadSchema, input);
  return moderateThread(ctx, { threadId, action: 'close', reason }, (thread) => {
    if (thread.closed) throw new ConflictError('This thread is already closed.');
    return { closed: true, closedReason: reason || null };
  });
}
