'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createThreadAction } from '@/app/actions/posts';
import type { FormState } from '@/lib/form-state';
import { FieldError, FormError } from './FormError';
import { PostEditor } from './PostEditor';
import { SubmitButton } from './SubmitButton';

export function ThreadForm({ groupSlug, idempotencyKey }: { groupSlug: string; idempotencyKey: string }) {
  const t = useTranslations('threadForm');
  const [state, action] = useActionState<FormState, FormData>(createThreadAction, {});
  return (
    <form action={action} className="stack" noValidate>
      <FormError message={state.error} />
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <label htmlFor="thread-title">{t('title')}</label>
      <input
        id="thread-title"
        name="title"
        defaultValue={state.values?.title}
        maxLength={200}
        required
        dir="auto"
        aria-invalid={state.fieldErrors?.title ? true : undefined}
        aria-describedby="thread-title-error"
      />
      <FieldError id="thread-title-error" messages={state.fieldErrors?.title} />
      <PostEditor key={state.values?.body} defaultValue={state.values?.body} errors={state.fieldErrors?.body} mentionScope={{ groupSlug }} />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
