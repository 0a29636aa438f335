'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/form-state';
import { FormError } from './FormError';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  postId: number;
  label: string;
  /** Names the post too ("Delete post 3"), for screen readers going through a page of posts. */
  ariaLabel: string;
  /** Asked before acting, for actions that others will see. */
  confirm?: string;
};

/** One action on one post (delete, restore) as a small form, with its refusal shown beside it. */
export function PostActionButton({ action, postId, label, ariaLabel, confirm }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form
      action={formAction}
      className="inline-form"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="postId" value={postId} />
      <button type="submit" className="link-button" disabled={pending} aria-label={ariaLabel}>
        {label}
      </button>
      <FormError message={state.error} />
    </form>
  );
}
