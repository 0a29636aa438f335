'use server';

import { requestCtx } from '@/lib/auth/viewer';
import { type FormState, formValues, toFormState } from '@/lib/form-state';
import { updateEmailPreferences } from '@/lib/notifications/email/email-preferences';
import { unsubscribe, type UnsubscribeScope } from '@/lib/notifications/email/unsubscribe';
import { perform } from './perform';

export async function updateEmailPreferencesAction(_: FormState, formData: FormData): Promise<FormState> {
  return perform(formData, updateEmailPreferences);
}

export type UnsubscribeState = { error?: string; done?: { scope: UnsubscribeScope; alreadyDone: boolean } };

/** The button of the unsubscribe page; the token in the form is the proof, so no sign-in is needed. */
export async function unsubscribeAction(_: UnsubscribeState, formData: FormData): Promise<UnsubscribeState> {
  try {
    return { done: await unsubscribe(await requestCtx(), formValues(formData)) };
  } catch (error) {
    return { error: (await toFormState(error, formData)).error };
  }
}
