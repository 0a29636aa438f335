'use server';

import { revalidatePath } from 'next/cache';
import { signedInCtx } from '@/lib/auth/viewer';
import { type FormState, toFormState } from '@/lib/form-state';
import { joinGroup } from '@/lib/groups/join-group';

export async function joinGroupAction(_: FormState, formData: FormData): Promise<FormState> {
  try {
    await joinGroup(await signedInCtx(), { groupSlug: formData.get('groupSlug') ?? undefined });
  } catch (error) {
    return toFormState(error, formData);
  }
  revalidatePath(`/g/${String(formData.get('groupSlug'))}`);
  return {};
}
