import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import { KeyboardShortcuts } from '@/components/KeyboardShortcuts';
import { MemberSummaryProvider } from '@/components/MemberSummaryProvider';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { NumeralsSwitcher } from '@/components/NumeralsSwitcher';
import { ThemeSwitcher } from '@/components/ThemeSwitcher';
import { THEME_COOKIE, themeOf } from '@/lib/members/theme';
import { type HeaderMember, SiteHeader } from '@/components/SiteHeader';
import { clientMessages } from '@/i18n/client-messages';
import { baseLocale, directionOf } from '@/i18n/locales';
import { requestCtx } from '@/lib/auth/viewer';
import type { Ctx } from '@/lib/context';
import { unreadCount } from '@/lib/notifications/list-notifications';
import { siteUrl } from '@/lib/site-url';
import { isSharedPage } from './shared-page';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('site');
  return { metadataBase: new URL(siteUrl()), title: { default: 'Cercle', template: '%s · Cercle' }, description: t('description') };
}

/** A page shared among members leaves who they are to the browser (components/MemberSummaryProvider.tsx). */
async function headerMember(ctx: Ctx, shared: boolean): Promise<HeaderMember | null> {
  if (!ctx.viewer) return null;
  if (shared) return { name: null, unread: null };
  return { name: ctx.viewer.name, unread: await unreadCount({ ...ctx, viewer: ctx.viewer }) };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const formatting = await getLocale();
  const locale = baseLocale(formatting);
  const t = await getTranslations('site');
  const ctx = await requestCtx();
  const shared = ctx.viewer !== null && (await isSharedPage());
  const theme = themeOf((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} dir={directionOf(locale)} data-theme={theme}>
      <body>
        <NextIntlClientProvider messages={clientMessages(await getMessages())}>
          <MemberSummaryProvider shared={shared}>
            <a href="#main" className="skip-link">
              {t('skipToContent')}
            </a>
            <SiteHeader member={await headerMember(ctx, shared)} />
            <main id="main" className="container" tabIndex={-1}>
              {children}
            </main>
          </MemberSummaryProvider>
          <footer className="site-footer container">
            <p>{t('footer')}</p>
            <div className="footer-controls">
              <LanguageSwitcher />
              <NumeralsSwitcher />
              <ThemeSwitcher current={theme} />
              <KeyboardShortcuts />
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
