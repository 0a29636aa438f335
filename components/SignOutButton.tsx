'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('header');
  return (
    <button type="button" className="link-button" onClick={() => void signOut({ callbackUrl: '/' })}>
      {t('signOut')}
    </button>
  );
}
