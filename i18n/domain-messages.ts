import type { Locale } from './locales';

/**
 * The messages lib/ writes (errors of verbs and of their schemas) are English sentences; each
 * language translates them in i18n/domain-messages/<locale>.json, keyed by the English
 * sentence itself, as gettext does. Numbered placeholders stand for the parts filled in at
 * run time (`Titles need at least {1} characters.`); a filled-in part that is itself a known
 * sentence is translated too. The keys are found in the source by domain-message-sources.ts,
 * and a test keeps every catalogue complete.
 */
type Catalogue = Record<string, string>;
type Compiled = { exact: Map<string, string>; templates: { pattern: RegExp; translation: string }[] };

const CATALOGUES: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Catalogue }>> = {
  fr: () => import('./domain-messages/fr.json'),
  ru: () => import('./domain-messages/ru.json'),
  ar: () => import('./domain-messages/ar.json'),
  hi: () => import('./domain-messages/hi.json'),
};

const compiled = new Map<Locale, Promise<Compiled>>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(catalogue: Catalogue): Compiled {
  const exact = new Map<string, string>();
  const templates: Compiled['templates'] = [];
  for (const [key, translation] of Object.entries(catalogue)) {
    if (!/\{\d\}/.test(key)) exact.set(key, translation);
    else templates.push({ pattern: new RegExp(`^${escapeRegExp(key).replace(/\\\{\d\\\}/g, '([\\s\\S]+?)')}$`), translation });
  }
  return { exact, templates };
}

function translate(message: string, catalogue: Compiled): string {
  const known = catalogue.exact.get(message);
  if (known !== undefined) return known;
  for (const { pattern, translation } of catalogue.templates) {
    const parts = pattern.exec(message);
    if (parts) return translation.replace(/\{(\d)\}/g, (_, n: string) => translate(parts[Number(n)] ?? '', catalogue));
  }
  return message;
}

/** `message` in `locale`, or as written when the catalogue does not know it (a message from outside Cercle). */
export async function localizeMessage(message: string, locale: Locale): Promise<string> {
  if (locale === 'en') return message;
  let catalogue = compiled.get(locale);
  if (!catalogue) {
    catalogue = CATALOGUES[locale]().then((module) => compile(module.default));
    compiled.set(locale, catalogue);
  }
  return translate(message, await catalogue);
}
