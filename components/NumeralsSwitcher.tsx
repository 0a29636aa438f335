import { getLocale, getTranslations } from 'next-intl/server';
import { setNumeralsAction } from '@/app/actions/preferences';
import { baseLocale } from '@/i18n/locales';
import { NUMERAL_SYSTEMS, numeralsOf } from '@/lib/members/numerals';
import { ActionForm } from './ActionForm';

/** For languages read with more than one set of digits (Arabic, Hindi): which one dates and counts use. */
export async function NumeralsSwitcher() {
  const formatting = await getLocale();
  const current = numeralsOf(formatting);
  if (!current) return null;
  const t = await getTranslations('site');
  const language = baseLocale(formatting);
  const systems = NUMERAL_SYSTEMS[language]!;
  return (
    <ActionForm action={setNumeralsAction} submitLabel={t('changeNumerals')} pendingLabel={t('changingNumerals')} buttonClassName="button small" className="footer-form">
      <label htmlFor="numerals-switcher">{t('numerals')}</label>
      <select key={current} id="numerals-switcher" name="numerals" defaultValue={current}>
        {systems.map((system) => (
          <option key={system} value={system}>
            {new Intl.NumberFormat(`${language}-u-nu-${system}`, { useGrouping: false }).format(1234567890)}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
