import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { formattingLocale, NUMERALS_COOKIE } from '@/lib/members/numerals';
import { LOCALE_COOKIE, pickLocale } from './locales';
import { loadMessages } from './messages';

export default getRequestConfig(async () => {
  const viewer = await getViewer();
  const jar = await cookies();
  const locale = pickLocale(viewer?.locale, jar.get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  return {
    // Dates and numbers follow the reader's choice of digits; the messages are the language's own.
    locale: formattingLocale(locale, jar.get(NUMERALS_COOKIE)?.value),
    messages: await loadMessages(locale),
    timeZone: 'UTC',
  };
});
