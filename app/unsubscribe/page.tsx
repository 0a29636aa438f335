import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { UnsubscribeForm } from '@/components/UnsubscribeForm';
import { requestCtx } from '@/lib/auth/viewer';
import { DomainError } from '@/lib/errors';
import { localizedErrors } from '@/lib/form-state';
import { describeUnsubscribe } from '@/lib/notifications/email/unsubscribe';

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  // The token is a secret: it stays out of indexes and, with this, out of referrers.
  return { title: (await getTranslations('unsubscribe'))('title'), referrer: 'no-referrer', robots: { index: false, follow: false } };
}

/** Opening the link changes nothing (mail scanners open links too): it shows what the button would stop. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const t = await getTranslations('unsubscribe');
  const found = await describeUnsubscribe(await requestCtx(), { token }).catch(async (error: unknown) => {
    if (error instanceof DomainError) return { error: (await localizedErrors(error)).error };
    throw error;
  });
  const settings = (
    <p>
      <Link href="/settings/notifications">{t('settings')}</Link>
    </p>
  );
  return (
    <>
      <h1>{t('title')}</h1>
      {'error' in found ? (
        <>
          <p className="notice" role="alert">
            {found.error} {t('invalidHint')}
          </p>
          {settings}
        </>
      ) : found.alreadyDone ? (
        <>
          <p className="notice">{t('already', { scope: found.scope })}</p>
          {settings}
        </>
      ) : (
        <UnsubscribeForm token={typeof token === 'string' ? token : ''} scope={found.scope} />
      )}
    </>
  );
}
