'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <>
      <h1>{t('errorTitle')}</h1>
      <p>{t('error')}</p>
      <button type="button" className="button" onClick={reset}>
        {t('retry')}
      </button>
    </>
  );
}
