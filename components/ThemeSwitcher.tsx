import { getTranslations } from 'next-intl/server';
import { setThemeAction } from '@/app/actions/preferences';
import { type Theme, THEMES } from '@/lib/members/theme';
import { ActionForm } from './ActionForm';

const LABELS = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const;

/** Light, dark, or like the device: on every page, kept in a cookie so the first paint is already right. */
export async function ThemeSwitcher({ current }: { current: Theme }) {
  const t = await getTranslations('site');
  return (
    <ActionForm action={setThemeAction} submitLabel={t('changeTheme')} pendingLabel={t('changingTheme')} buttonClassName="button small" className="footer-form">
      <label htmlFor="theme-switcher">{t('theme')}</label>
      <select key={current} id="theme-switcher" name="theme" defaultValue={current}>
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {t(LABELS[theme])}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
