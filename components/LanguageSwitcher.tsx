import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/app/actions/preferences';
import { baseLocale, LOCALE_NAMES, LOCALES } from '@/i18n/locales';
import { ActionForm } from './ActionForm';

/** On every page: the interface language, remembered for the member (or in a cookie for a visitor). */
export async function LanguageSwitcher() {
  const t = await getTranslations('site');
  const current = baseLocale(await getLocale());
  return (
    <ActionForm action={setLocaleAction} submitLabel={t('changeLanguage')} pendingLabel={t('changingLanguage')} buttonClassName="button small" className="footer-form">
      <label htmlFor="language-switcher">{t('language')}</label>
      {/* Keyed by the language, so it shows the new one after a sign-in or a switch re-renders the page. */}
      <select key={current} id="language-switcher" name="locale" defaultValue={current}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
