import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { LOCALE_COOKIE, pickLocale } from './locales';
import { loadMessages } from './messages';

export default getRequestConfig(async () => {
  const viewer = await getViewer();
  const locale = pickLocale(viewer?.locale, (await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: 'UTC',
  };
});
