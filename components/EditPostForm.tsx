'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { editPostAction } from '@/app/actions/posts';
import type { FormState } from '@/lib/form-state';
import { FormError } from './FormError';
import { PostEditor } from './PostEditor';
import { SubmitButton } from './SubmitButton';

export function EditPostForm({ postId, threadId, body, language }: { postId: number; threadId: number; body: string; language: string | null }) {
  const t = useTranslations('editForm');
  const [state, action] = useActionState<FormState, FormData>(editPostAction, {});
  const current = state.values?.body ?? body;
  return (
    <form action={action} className="stack" noValidate>
      <FormError message={state.error} />
      <input type="hidden" name="postId" value={postId} />
      <PostEditor key={current} defaultValue={current} errors={state.fieldErrors?.body} language={state.values?.language ?? language} mentionScope={{ threadId }} />
      <label htmlFor="edit-reason">{t('reason')}</label>
      <input id="edit-reason" name="reason" maxLength={300} defaultValue={state.values?.reason} dir="auto" />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
