'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { deletePostAction } from '@/app/actions/posts';
import type { FormState } from '@/lib/form-state';
import { FormError } from './FormError';

export function DeletePostButton({ postId, number }: { postId: number; number: number }) {
  const t = useTranslations('post');
  const [state, action, pending] = useActionState<FormState, FormData>(deletePostAction, {});
  return (
    <form
      action={action}
      className="inline-form"
      onSubmit={(e) => {
        if (!window.confirm(t('confirmDelete'))) e.preventDefault();
      }}
    >
      <input type="hidden" name="postId" value={postId} />
      <button type="submit" className="link-button" disabled={pending} aria-label={t('deleteLabel', { number })}>
        {t('delete')}
      </button>
      <FormError message={state.error} />
    </form>
  );
}
