import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EmailPreferencesForm } from '@/components/EmailPreferencesForm';
import { requestCtx } from '@/lib/auth/viewer';
import { getEmailPreferences } from '@/lib/notifications/email/email-preferences';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('emailSettings'))('title'), robots: { index: false } };
}

export default async function NotificationSettingsPage() {
  const ctx = await requestCtx();
  if (!ctx.viewer) redirect('/sign-in?callbackUrl=/settings/notifications');
  const t = await getTranslations('emailSettings');
  const preferences = await getEmailPreferences({ ...ctx, viewer: ctx.viewer });
  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        <Link href="/settings/profile">{t('profileLink')}</Link>
      </p>
      <section aria-labelledby="email-heading" className="settings-section">
        <h2 id="email-heading">{t('emailHeading')}</h2>
        <EmailPreferencesForm initial={preferences} />
      </section>
    </>
  );
}
