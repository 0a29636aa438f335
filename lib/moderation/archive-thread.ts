import { z } from 'zod';
import type { SignedInCtx } from '../context';
import { ConflictError } from '../errors';
import { recordId } from '../posts/post-schemas';
import { parseInput } from '../validate';
import { moderateThread } from './moderate-thread';

export const archiveThreadSchema = z.object({ threadId: recordId, archived: z.preprocess((v) => v === true || v === 'true', z.boolean()) });

/** Archives a thread (read-only, out of the default lists, still readable by link) or brings it back. */
export async function archiveThread(ctx: SignedInCtx, input: unknown) {
  const { threadId, archived } = parseInput(archiveThreadSchema, input);
  return moderateThread(ctx, { threadId, action: archived ? 'archive' : 'unarchive' }, (thread) => {
    if (thread.archived === archived) throw new ConflictError(archived ? 'This thread is already archived.' : 'This thread is not archived.');
    return { archived };
  });
}
