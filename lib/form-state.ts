import { getLocale } from 'next-intl/server';
import { localizeMessage } from '@/i18n/domain-messages';
import { baseLocale, type Locale } from '@/i18n/locales';
import { DomainError, InvalidInputError, type FieldErrors } from './errors';

/** What a form's server action returns to useActionState: the message to show, and what was typed. */
export type FormState = {
  error?: string;
  fieldErrors?: FieldErrors;
  /** Echoed back so that nothing the member typed is lost when the submission is refused. */
  values?: Record<string, string>;
  /** Set when the action succeeded; `link` carries something to show once, such as a new invitation link. */
  done?: { at: number; link?: string };
};

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  formData.forEach((value, key) => {
    if (typeof value === 'string' && !key.startsWith('$')) values[key] = value;
  });
  return values;
}

/**
 * Verbs write English; the member reads their own language (i18n/domain-messages.ts): the one
 * given, or the one Next.js's request scope chose.
 */
export async function localizedErrors(error: DomainError, language?: Locale): Promise<Pick<FormState, 'error' | 'fieldErrors'>> {
  const locale = language ?? baseLocale(await getLocale());
  const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : undefined;
  const localized = fieldErrors
    ? Object.fromEntries(await Promise.all(Object.entries(fieldErrors).map(async ([field, list]) => [field, await Promise.all(list.map((m) => localizeMessage(m, locale)))])))
    : undefined;
  return { error: await localizeMessage(error.message, locale), fieldErrors: localized };
}

/** The one place a domain error becomes a form message; anything unexpected is logged and stays generic. */
export async function toFormState(error: unknown, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  if (error instanceof DomainError) return { ...(await localizedErrors(error)), values };
  console.error(error);
  return { ...(await localizedErrors(new DomainError('Something went wrong on our side. Your text is kept below: please try again.', 500))), values };
}
