'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { signedInCtx } from '@/lib/auth/viewer';
import { type FormState, toFormState } from '@/lib/form-state';
import { createReply } from '@/lib/posts/create-reply';
import { deletePost, restorePost } from '@/lib/posts/delete-post';
import { editPost } from '@/lib/posts/edit-post';
import { hidePost, unhidePost } from '@/lib/posts/hide-post';
import { threadPostUrl } from '@/lib/threads/urls';
import { createThread } from '@/lib/threads/create-thread';

type Ref = { threadId: number; number: number };

async function run(formData: FormData, verb: () => Promise<Ref>): Promise<FormState> {
  let ref: Ref;
  try {
    ref = await verb();
  } catch (error) {
    return toFormState(error, formData);
  }
  // The target may differ from the current address only by its #anchor, which alone would not refetch the page.
  revalidatePath(`/t/${ref.threadId}`);
  redirect(threadPostUrl(ref.threadId, ref.number));
}

const field = (formData: FormData, name: string) => formData.get(name) ?? undefined;

export async function createThreadAction(_: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () =>
    createThread(await signedInCtx(), {
      groupSlug: field(formData, 'groupSlug'),
      title: field(formData, 'title'),
      body: field(formData, 'body'),
      language: field(formData, 'language'),
      idempotencyKey: field(formData, 'idempotencyKey'),
    }),
  );
}

export async function replyAction(_: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () =>
    createReply(await signedInCtx(), {
      threadId: field(formData, 'threadId'),
      body: field(formData, 'body'),
      language: field(formData, 'language'),
      replyToNumber: formData.get('replyToNumber') || undefined,
      idempotencyKey: field(formData, 'idempotencyKey'),
    }),
  );
}

export async function editPostAction(_: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () =>
    editPost(await signedInCtx(), {
      postId: field(formData, 'postId'),
      body: field(formData, 'body'),
      language: field(formData, 'language'),
      reason: formData.get('reason') || undefined,
    }),
  );
}

export async function deletePostAction(_: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () => deletePost(await signedInCtx(), { postId: field(formData, 'postId') }));
}

export async function restorePostAction(_: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () => restorePost(await signedInCtx(), { postId: field(formData, 'postId') }));
}

export async function hidePostAction(_: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () => hidePost(await signedInCtx(), { postId: field(formData, 'postId') }));
}

export async function unhidePostAction(_: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () => unhidePost(await signedInCtx(), { postId: field(formData, 'postId') }));
}
