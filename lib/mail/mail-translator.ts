import { createTranslator } from 'next-intl';
import { isLocale, type Locale } from '@/i18n/locales';

export type MailTranslate = (key: string, values?: Record<string, string | number>) => string;

/** A member's chosen language, or English when they never chose one (or chose one we no longer offer). */
export function mailLocale(memberLocale: string | null | undefined): Locale {
  return isLocale(memberLocale) ? memberLocale : 'en';
}

/** Translates keys under `mail.<section>`, in the recipient's language. Emails need the `mail` area only. */
export async function mailTranslator(locale: Locale, section: string): Promise<MailTranslate> {
  const messages = (await import(`../../messages/${locale}/mail.json`)).default as Record<string, unknown>;
  // The catalogue is loaded at run time, so keys are checked by the catalogue test rather than by types.
  const translate = createTranslator({ locale, messages }) as unknown as MailTranslate;
  return (key, values) => translate(`mail.${section}.${key}`, values);
}
