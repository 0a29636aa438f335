'use client';

import { useTranslations } from 'next-intl';
import { flagPostAction } from '@/app/actions/moderation';
import { FLAG_REASONS } from '@/lib/moderation/flag-reasons';
import { ActionForm } from './ActionForm';
import { useOpenedOnce } from './use-opened-once';

/** "Flag": why this post needs a moderator, behind a disclosure so it stays out of the way (and is rendered once opened). */
export function PostFlagForm({ postId, number }: { postId: number; number: number }) {
  const t = useTranslations('flag');
  const field = (name: string) => `flag-${postId}-${name}`;
  const [opened, details] = useOpenedOnce();
  return (
    <details className="flag-post" {...details}>
      <summary aria-label={t('openLabel', { number })}>{t('open')}</summary>
      {opened ? (
        <ActionForm
          action={flagPostAction}
          hidden={{ postId }}
          submitLabel={t('send')}
          pendingLabel={t('sending')}
          className="stack tight"
          success={() => t('thanks')}
        >
          <fieldset>
            <legend>{t('why')}</legend>
            {FLAG_REASONS.map((reason) => (
              <label key={reason} className="choice">
                <input type="radio" name="reason" value={reason} required /> {t(`reason.${reason}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor={field('note')}>{t('note')}</label>
          <textarea id={field('note')} name="note" rows={2} maxLength={500} dir="auto" />
        </ActionForm>
      ) : null}
    </details>
  );
}
