/** Interface languages with a complete message catalogue in messages/<locale>/ (a test keeps them complete). */
export const LOCALES = ['en', 'fr', 'ru', 'ar', 'hi'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/** Each language named in itself, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', ru: 'Русский', ar: 'العربية', hi: 'हिन्दी' };

const RTL = new Set(['ar', 'he', 'fa', 'ur']);

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RTL.has(locale.split('-')[0]!) ? 'rtl' : 'ltr';
}

export function isLocale(value: string | null | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

/** The interface language of a formatting locale such as `hi-u-nu-deva` (lib/members/numerals.ts). */
export function baseLocale(tag: string): Locale {
  const language = tag.split('-')[0];
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** The member's setting, else the visitor's choice (cookie), else the browser's Accept-Language, else English. */
export function pickLocale(memberLocale: string | null | undefined, cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(memberLocale)) return memberLocale;
  if (isLocale(cookie)) return cookie;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q) : 1 };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q);
  return wanted.map((w) => w.lang).find(isLocale) ?? DEFAULT_LOCALE;
}
