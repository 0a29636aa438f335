'use server';

import { revalidatePath } from 'next/cache';
import { signedInCtx } from '@/lib/auth/viewer';
import { type FormState, formValues, toFormState } from '@/lib/form-state';
import { removeAvatar } from '@/lib/members/remove-avatar';
import { setAvatar } from '@/lib/members/set-avatar';
import { updateProfile } from '@/lib/members/update-profile';

export type ProfileFormState = FormState & { saved?: boolean };

const text = (formData: FormData, name: string) => formData.get(name) ?? undefined;
const texts = (formData: FormData, name: string) => formData.getAll(name).map((v) => (typeof v === 'string' ? v : ''));

/**
 * What was typed, to put back in the form when it is refused. The checkboxes and the link
 * inputs share a name each, which formValues would collapse to one value.
 */
function profileValues(formData: FormData): Record<string, string> {
  const values = formValues(formData);
  values.languages = texts(formData, 'languages').join(',');
  delete values.socialLinks;
  texts(formData, 'socialLinks').forEach((link, i) => {
    values[`socialLinks.${i}`] = link;
  });
  return values;
}

export async function updateProfileAction(_: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  try {
    await updateProfile(await signedInCtx(), {
      name: text(formData, 'name'),
      profession: text(formData, 'profession'),
      company: text(formData, 'company'),
      city: text(formData, 'city'),
      country: text(formData, 'country'),
      languages: texts(formData, 'languages'),
      bio: text(formData, 'bio'),
      website: text(formData, 'website'),
      socialLinks: texts(formData, 'socialLinks'),
    });
  } catch (error) {
    return { ...(await toFormState(error, formData)), values: profileValues(formData) };
  }
  // The name shows in the header of every page.
  revalidatePath('/', 'layout');
  return { saved: true };
}

export async function uploadAvatarAction(_: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  try {
    await setAvatar(await signedInCtx(), { avatar: formData.get('avatar') ?? undefined });
  } catch (error) {
    return toFormState(error, formData);
  }
  revalidatePath('/', 'layout');
  return { saved: true };
}

export async function removeAvatarAction(_: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  try {
    await removeAvatar(await signedInCtx());
  } catch (error) {
    return toFormState(error, formData);
  }
  revalidatePath('/', 'layout');
  return { saved: true };
}
