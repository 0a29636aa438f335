import { revalidatePath } from 'next/cache';
import { signedInCtx } from '@/lib/auth/viewer';
import type { SignedInCtx } from '@/lib/context';
import { type FormState, formValues, toFormState } from '@/lib/form-state';

/**
 * Runs one signed-in verb with the form's fields as its input (the verb validates them),
 * translates its errors for the form, and refreshes the pages. A `path` in the verb's
 * result (such as a new invitation link) is handed back to show once.
 */
export async function perform(formData: FormData, verb: (ctx: SignedInCtx, input: Record<string, string>) => Promise<unknown>): Promise<FormState> {
  let result: unknown;
  try {
    result = await verb(await signedInCtx(), formValues(formData));
  } catch (error) {
    return toFormState(error, formData);
  }
  revalidatePath('/', 'layout');
  const link = (result as { path?: string } | undefined)?.path;
  return { done: { at: Date.now(), link } };
}
