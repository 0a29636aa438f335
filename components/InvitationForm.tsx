'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createInvitationAction } from '@/app/actions/groups';
import type { FormState } from '@/lib/form-state';
import { FieldError, FormError } from './FormError';
import { SubmitButton } from './SubmitButton';

/** Creates an invitation and shows its link once: only a hash of it is kept. */
export function InvitationForm({ groupSlug }: { groupSlug: string }) {
  const t = useTranslations('manage');
  const [state, action] = useActionState<FormState, FormData>(createInvitationAction, {});
  const link = state.done?.link ? `${window.location.origin}${state.done.link}` : null;
  return (
    <form action={action} className="stack narrow" noValidate>
      <FormError message={state.error} />
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <label htmlFor="invite-email">{t('inviteEmail')}</label>
      <input id="invite-email" name="email" type="email" defaultValue={state.values?.email} aria-describedby="invite-email-hint invite-email-error" />
      <p className="hint" id="invite-email-hint">
        {t('inviteEmailHint')}
      </p>
      <FieldError id="invite-email-error" messages={state.fieldErrors?.email} />
      <label htmlFor="invite-days">{t('inviteDays')}</label>
      <input id="invite-days" name="expiresInDays" type="number" min={1} max={30} defaultValue={state.values?.expiresInDays ?? 7} aria-describedby="invite-days-error" />
      <FieldError id="invite-days-error" messages={state.fieldErrors?.expiresInDays} />
      <label htmlFor="invite-uses">{t('inviteUses')}</label>
      <input id="invite-uses" name="maxUses" type="number" min={1} max={100} defaultValue={state.values?.maxUses} aria-describedby="invite-uses-hint invite-uses-error" />
      <p className="hint" id="invite-uses-hint">
        {t('inviteUsesHint')}
      </p>
      <FieldError id="invite-uses-error" messages={state.fieldErrors?.maxUses} />
      <SubmitButton pendingLabel={t('creating')}>{t('createInvitation')}</SubmitButton>
      {link ? (
        <div role="status" className="notice">
          <p>{t('invitationCreated')}</p>
          <label htmlFor="invite-link">{t('invitationLink')}</label>
          <input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </form>
  );
}
