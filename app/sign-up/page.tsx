import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignUpForm } from '@/components/SignUpForm';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signUp'))('title') };
}

export default async function SignUpPage() {
  const t = await getTranslations('signUp');
  return (
    <>
      <h1>{t('title')}</h1>
      <SignUpForm />
      <p>
        {t('haveAccount')} <Link href="/sign-in">{t('signInLink')}</Link>
      </p>
    </>
  );
}
