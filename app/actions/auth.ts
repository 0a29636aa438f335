'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { clientAddress } from '@/lib/auth/client-address';
import { registerMember } from '@/lib/auth/register-member';
import { type FormState, toFormState } from '@/lib/form-state';

export type SignUpState = FormState & { registered?: boolean };

/** Creates the account; the form then signs in through next-auth with the same credentials. */
export async function signUpAction(_: SignUpState, formData: FormData): Promise<SignUpState> {
  try {
    await registerMember(
      { db: getDb(), viewer: null },
      { name: formData.get('name') ?? undefined, email: formData.get('email') ?? undefined, password: formData.get('password') ?? undefined },
      clientAddress(await headers()),
    );
    return { registered: true };
  } catch (error) {
    const state = await toFormState(error, formData);
    // Never echo a password back into the page.
    delete state.values?.password;
    return state;
  }
}
