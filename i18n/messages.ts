import type { Locale } from './locales';

/** Message catalogues are split by area (messages/<locale>/<area>.json) so they stay small to translate. */
export const MESSAGE_AREAS = ['common', 'forum', 'auth', 'groups', 'members', 'mail', 'search', 'notifications'] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    MESSAGE_AREAS.map(async (area) => (await import(`../messages/${locale}/${area}.json`)).default as Record<string, unknown>),
  );
  return Object.assign({}, ...parts);
}
