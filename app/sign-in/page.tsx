import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/SignInForm';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations('signIn');
  const { callbackUrl } = await searchParams;
  return (
    <>
      <h1>{t('title')}</h1>
      <SignInForm callbackUrl={callbackUrl} />
      <p>
        {t('noAccount')} <Link href="/sign-up">{t('signUpLink')}</Link>
      </p>
    </>
  );
}
