'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { replyAction } from '@/app/actions/posts';
import type { FormState } from '@/lib/form-state';
import { FormError } from './FormError';
import { PostEditor } from './PostEditor';
import { SubmitButton } from './SubmitButton';

type Props = { threadId: number; idempotencyKey: string; quote?: { number: number; text: string } };

export function ReplyForm({ threadId, idempotencyKey, quote }: Props) {
  const t = useTranslations('replyForm');
  const [state, action] = useActionState<FormState, FormData>(replyAction, {});
  const body = state.values?.body ?? (quote ? `${quote.text}\n\n` : '');
  return (
    <form action={action} className="stack reply-form" noValidate>
      <h2 id="reply">{quote ? t('headingQuote', { number: quote.number }) : t('heading')}</h2>
      <FormError message={state.error} />
      <input type="hidden" name="threadId" value={threadId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {quote ? <input type="hidden" name="replyToNumber" value={quote.number} /> : null}
      <PostEditor key={body} defaultValue={body} errors={state.fieldErrors?.body} autoFocus={Boolean(quote)} mentionScope={{ threadId }} />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
