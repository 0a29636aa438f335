'use server';

import { redirect } from 'next/navigation';
import type { SignedInCtx } from '@/lib/context';
import type { FormState } from '@/lib/form-state';
import { mergeThread } from '@/lib/moderation/merge-thread';
import { moveThread } from '@/lib/moderation/move-thread';
import { splitThread } from '@/lib/moderation/split-thread';
import { perform } from './perform';

type Verb = (ctx: SignedInCtx, input: unknown) => Promise<{ threadId: number }>;

/** Runs the verb through `perform`, then opens the thread the posts now live in (outside perform's try, so the redirect is not taken for an error). */
async function performAndOpen(fd: FormData, verb: Verb, input: (values: Record<string, string>) => unknown = (values) => values): Promise<FormState> {
  let opened: number | undefined;
  const state = await perform(fd, async (ctx, values) => {
    opened = (await verb(ctx, input(values))).threadId;
  });
  if (opened !== undefined && state.done) redirect(`/t/${opened}`);
  return state;
}

export const moveThreadAction = async (_: FormState, fd: FormData) => performAndOpen(fd, moveThread);
export const mergeThreadAction = async (_: FormState, fd: FormData) => performAndOpen(fd, mergeThread);
/** Checkboxes send one postNumbers field per chosen post, which the flat form values would collapse. */
export const splitThreadAction = async (_: FormState, fd: FormData) =>
  performAndOpen(fd, splitThread, (values) => ({ ...values, postNumbers: fd.getAll('postNumbers').filter((v) => typeof v === 'string') }));
