import { z } from 'zod';
import type { SignedInCtx } from '../context';
import { ConflictError } from '../errors';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { moderateThread } from './moderate-thread';

export const unlistThreadSchema = z.object({ threadId: recordId, unlisted: z.preprocess((v) => v === true || v === 'true', z.boolean()) });

/** Unlists a thread (reachable by its link only, left out of lists and the sitemap) or lists it again. */
export async function unlistThread(ctx: SignedInCtx, input: unknown) {
  const { threadId, unlisted } = parseInput(unlistThreadSchema, input);
  return moderateThread(ctx, { threadId, action: unlisted ? 'unlist' : 'relist' }, (thread) => {
    if (thread.unlisted === unlisted) throw new ConflictError(unlisted ? 'This thread is already unlisted.' : 'This thread is listed already.');
    return { unlisted };
  });
}
