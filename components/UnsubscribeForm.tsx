'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { unsubscribeAction, type UnsubscribeState } from '@/app/actions/notification-settings';
import type { UnsubscribeScope } from '@/lib/notifications/email/unsubscribe';
import { FormError } from './FormError';
import { SubmitButton } from './SubmitButton';

/**
 * One button, because link scanners in mail systems open every link of a message: only a
 * person's click (or a mail client's RFC 8058 POST) unsubscribes.
 */
export function UnsubscribeForm({ token, scope }: { token: string; scope: UnsubscribeScope }) {
  const t = useTranslations('unsubscribe');
  const [state, action] = useActionState<UnsubscribeState, FormData>(unsubscribeAction, {});
  if (state.done) {
    return (
      <div role="status" className="notice">
        <p>{t(state.done.alreadyDone ? 'already' : 'done', { scope: state.done.scope })}</p>
        <p>
          <Link href="/settings/notifications">{t('settings')}</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="stack">
      <FormError message={state.error} />
      <input type="hidden" name="token" value={token} />
      <p>{t('confirm', { scope })}</p>
      <SubmitButton pendingLabel={t('working')}>{t('button', { scope })}</SubmitButton>
    </form>
  );
}
