'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createThreadAction } from '@/app/actions/posts';
import type { FormState } from '@/lib/form-state';
import { FormError } from './FormError';
import { PostEditor } from './PostEditor';
import { SubmitButton } from './SubmitButton';
import { ThreadTitleField } from './ThreadTitleField';

export function ThreadForm({ groupSlug, idempotencyKey }: { groupSlug: string; idempotencyKey: string }) {
  const t = useTranslations('threadForm');
  const [state, action] = useActionState<FormState, FormData>(createThreadAction, {});
  return (
    <form action={action} className="stack" noValidate>
      <FormError message={state.error} />
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <ThreadTitleField id="thread-title" label={t('title')} value={state.values?.title} errors={state.fieldErrors?.title} />
      <PostEditor key={state.values?.body} defaultValue={state.values?.body} errors={state.fieldErrors?.body} mentionScope={{ groupSlug }} />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
