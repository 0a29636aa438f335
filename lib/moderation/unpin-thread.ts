import { z } from 'zod';
import type { SignedInCtx } from '../context';
import { ConflictError } from '../errors';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { moderateThread } from './moderate-thread';

export const unpinThreadSchema = z.object({ threadId: recordId });

/** Unpins a thread, in its group and site-wide. */
export async function unpinThread(ctx: SignedInCtx, input: unknown) {
  const { threadId } = parseInput(unpinThreadSchema, input);
  return moderateThread(ctx, { threadId, action: 'unpin' }, (thread) => {
    if (!thread.pinned && !thread.pinnedGlobally) throw new ConflictError('This thread is not pinned.');
    return { pinned: false, pinnedGlobally: false, pinnedUntil: null };
  });
}
