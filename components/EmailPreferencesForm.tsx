'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { updateEmailPreferencesAction } from '@/app/actions/notification-settings';
import type { EmailPreferences } from '@/lib/notifications/email/email-preferences';
import { FieldError, FormError } from './FormError';
import { SubmitButton } from './SubmitButton';

const DIGEST_CHOICES = ['off', 'daily', 'weekly'] as const;

/** Which emails the member receives; a refused submission keeps what was chosen. */
export function EmailPreferencesForm({ initial }: { initial: EmailPreferences }) {
  const t = useTranslations('emailSettings');
  const [state, action] = useActionState(updateEmailPreferencesAction, {});
  // After a submission the form shows what was sent (an unchecked box sends nothing).
  const emailReplies = state.values ? state.values.emailReplies === 'on' : initial.emailReplies;
  const digest = state.values?.digest ?? initial.digest;
  return (
    <form action={action} className="stack" noValidate key={state.done?.at}>
      <FormError message={state.error} />
      <label className="choice">
        <input type="checkbox" name="emailReplies" defaultChecked={emailReplies} aria-describedby="email-replies-hint" /> {t('emailReplies')}
      </label>
      <p className="hint" id="email-replies-hint">
        {t('emailRepliesHint')}
      </p>
      <fieldset aria-describedby="digest-error">
        <legend>{t('digestLegend')}</legend>
        {DIGEST_CHOICES.map((choice) => (
          <label key={choice} className="choice">
            <input type="radio" name="digest" value={choice} defaultChecked={digest === choice} /> {t(`digest.${choice}`)}
          </label>
        ))}
        <FieldError id="digest-error" messages={state.fieldErrors?.digest} />
      </fieldset>
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      {state.done ? <p role="status">{t('saved')}</p> : null}
    </form>
  );
}
