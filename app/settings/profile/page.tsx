import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MemberAvatarForm } from '@/components/MemberAvatarForm';
import { MemberProfileForm } from '@/components/MemberProfileForm';
import { getProfileForEdit } from '@/lib/members/get-profile-for-edit';
import { profileUrl } from '@/lib/members/urls';
import { signedInPage } from '@/app/signed-in-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profileForm'))('title'), robots: { index: false } };
}

export default async function ProfileSettingsPage() {
  const ctx = await signedInPage('/settings/profile');
  const t = await getTranslations('profileForm');
  const profile = await getProfileForEdit(ctx);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        <Link href={profileUrl(profile.id)}>{t('viewProfile')}</Link> · <Link href="/settings/notifications">{t('emailSettingsLink')}</Link>
      </p>
      <section aria-labelledby="photo-heading" className="settings-section">
        <h2 id="photo-heading">{t('photoHeading')}</h2>
        <MemberAvatarForm name={profile.name} avatarUrl={profile.avatarUrl} />
      </section>
      <section aria-labelledby="details-heading" className="settings-section">
        <h2 id="details-heading">{t('detailsHeading')}</h2>
        <MemberProfileForm profile={profile} />
      </section>
    </>
  );
}
