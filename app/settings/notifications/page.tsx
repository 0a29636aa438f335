import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmailPreferencesForm } from '@/components/EmailPreferencesForm';
import { getEmailPreferences } from '@/lib/notifications/email/email-preferences';
import { signedInPage } from '@/app/signed-in-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('emailSettings'))('title'), robots: { index: false } };
}

export default async function NotificationSettingsPage() {
  const ctx = await signedInPage('/settings/notifications');
  const t = await getTranslations('emailSettings');
  const preferences = await getEmailPreferences(ctx);
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
