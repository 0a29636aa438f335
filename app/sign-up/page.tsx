import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignUpForm } from '@/components/SignUpForm';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signUp'))('title') };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations('signUp');
  const { callbackUrl } = await searchParams;
  return (
    <>
      <h1>{t('title')}</h1>
      <SignUpForm callbackUrl={callbackUrl} />
      <p>
        {t('haveAccount')} <Link href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/sign-in'}>{t('signInLink')}</Link>
      </p>
    </>
  );
}
