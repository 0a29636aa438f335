import { z } from 'zod';
import type { SignedInCtx } from '../context';
import { ConflictError } from '../errors';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { moderateThread } from './moderate-thread';

export const reopenThreadSchema = z.object({ threadId: recordId });

/** Reopens a closed thread to replies. */
export async function reopenThread(ctx: SignedInCtx, input: unknown) {
  const { threadId } = parseInput(reopenThreadSchema, input);
  return moderateThread(ctx, { threadId, action: 'reopen' }, (thread) => {
    if (!thread.closed) throw new ConflictError('This thread is open already.');
    return { closed: false, closedReason: null };
  });
}
