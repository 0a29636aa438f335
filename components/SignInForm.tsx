'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormError } from './FormError';
import { safeCallback } from './safe-callback';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('signIn');
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(undefined);
    const result = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false });
    setPending(false);
    if (result?.ok && !result.error) {
      router.push(safeCallback(callbackUrl));
      router.refresh();
      return;
    }
    // next-auth reports a plain wrong answer as "CredentialsSignin"; anything else is our rate-limit message.
    setError(!result?.error || result.error === 'CredentialsSignin' ? t('wrongCredentials') : result.error);
  }

  return (
    <form action={submit} className="stack narrow">
      <FormError message={error} />
      <label htmlFor="sign-in-email">{t('email')}</label>
      <input id="sign-in-email" name="email" type="email" autoComplete="email" required />
      <label htmlFor="sign-in-password">{t('password')}</label>
      <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
