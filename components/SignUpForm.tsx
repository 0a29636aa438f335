'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import { type SignUpState, signUpAction } from '@/app/actions/auth';
import { FieldError, FormError } from './FormError';
import { safeCallback } from './safe-callback';
import { SubmitButton } from './SubmitButton';

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('signUp');
  const router = useRouter();
  // React resets the form after its action, so the credentials are kept to sign in with.
  const credentials = useRef<{ email: FormDataEntryValue | null; password: FormDataEntryValue | null }>(null);
  const [state, action] = useActionState<SignUpState, FormData>((previous, formData) => {
    credentials.current = { email: formData.get('email'), password: formData.get('password') };
    return signUpAction(previous, formData);
  }, {});

  useEffect(() => {
    if (!state.registered || !credentials.current) return;
    void signIn('credentials', { ...credentials.current, redirect: false }).then(() => {
      credentials.current = null;
      router.push(safeCallback(callbackUrl));
      router.refresh();
    });
  }, [state.registered, router, callbackUrl]);

  const fields = [
    { name: 'name', type: 'text', autoComplete: 'name' },
    { name: 'email', type: 'email', autoComplete: 'email' },
    { name: 'password', type: 'password', autoComplete: 'new-password' },
  ] as const;
  return (
    <form action={action} className="stack narrow" noValidate>
      <FormError message={state.error} />
      {fields.map((f) => (
        <div key={f.name} className="stack tight">
          <label htmlFor={`sign-up-${f.name}`}>{t(f.name)}</label>
          <input
            id={`sign-up-${f.name}`}
            name={f.name}
            type={f.type}
            autoComplete={f.autoComplete}
            defaultValue={state.values?.[f.name]}
            aria-invalid={state.fieldErrors?.[f.name] ? true : undefined}
            aria-describedby={`sign-up-${f.name}-error${f.name === 'password' ? ' sign-up-password-hint' : ''}`}
            required
          />
          {f.name === 'password' ? (
            <p className="hint" id="sign-up-password-hint">
              {t('passwordHint')}
            </p>
          ) : null}
          <FieldError id={`sign-up-${f.name}-error`} messages={state.fieldErrors?.[f.name]} />
        </div>
      ))}
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
