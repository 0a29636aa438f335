'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE } from '@/i18n/locales';
import { requestCtx } from '@/lib/auth/viewer';
import { type FormState, formValues, toFormState } from '@/lib/form-state';
import { setLocale } from '@/lib/members/set-locale';
import { chooseNumerals, NUMERALS_COOKIE } from '@/lib/members/numerals';
import { chooseTheme, THEME_COOKIE } from '@/lib/members/theme';

const ONE_YEAR = 365 * 24 * 60 * 60;

export async function setLocaleAction(_: FormState, formData: FormData): Promise<FormState> {
  try {
    const { locale } = await setLocale(await requestCtx(), formValues(formData));
    (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: ONE_YEAR, sameSite: 'lax', path: '/', httpOnly: true });
  } catch (error) {
    return toFormState(error, formData);
  }
  revalidatePath('/', 'layout');
  return { done: { at: Date.now() } };
}

export async function setThemeAction(_: FormState, formData: FormData): Promise<FormState> {
  try {
    const theme = chooseTheme(formValues(formData));
    (await cookies()).set(THEME_COOKIE, theme, { maxAge: ONE_YEAR, sameSite: 'lax', path: '/', httpOnly: true });
  } catch (error) {
    return toFormState(error, formData);
  }
  revalidatePath('/', 'layout');
  return { done: { at: Date.now() } };
}

export async function setNumeralsAction(_: FormState, formData: FormData): Promise<FormState> {
  try {
    const numerals = chooseNumerals(formValues(formData));
    (await cookies()).set(NUMERALS_COOKIE, numerals, { maxAge: ONE_YEAR, sameSite: 'lax', path: '/', httpOnly: true });
  } catch (error) {
    return toFormState(error, formData);
  }
  revalidatePath('/', 'layout');
  return { done: { at: Date.now() } };
}
