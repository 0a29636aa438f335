'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { joinGroupAction } from '@/app/actions/groups';
import type { FormState } from '@/lib/form-state';
import { FormError } from './FormError';
import { SubmitButton } from './SubmitButton';

export function JoinGroupButton({ groupSlug }: { groupSlug: string }) {
  const t = useTranslations('group');
  const [state, action] = useActionState<FormState, FormData>(joinGroupAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <SubmitButton pendingLabel={t('joining')}>{t('join')}</SubmitButton>
      <FormError message={state.error} />
    </form>
  );
}
