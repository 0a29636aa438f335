'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { mergeThreadAction, moveThreadAction, splitThreadAction } from '@/app/actions/thread-surgery';
import type { FormState } from '@/lib/form-state';
import { ActionForm } from './ActionForm';
import { FieldError, FormError } from './FormError';
import { SubmitButton } from './SubmitButton';
import { ThreadTitleField } from './ThreadTitleField';

type Props = {
  threadId: number;
  /** Groups the moderator also moderates, other than the thread's own: where it may be moved. */
  groups: { slug: string; name: string }[];
};

/** The moderators' structural tools on a thread page: move it to another group, merge it into another thread, or go split some posts off. */
export function ThreadSurgery({ threadId, groups }: Props) {
  const t = useTranslations('surgery');
  const hidden = { threadId };
  return (
    <section aria-labelledby="surgery-heading" className="card moderation-tools">
      <h2 id="surgery-heading">{t('heading')}</h2>
      <div className="stack tight">
        {groups.length > 0 ? (
          <ActionForm action={moveThreadAction} hidden={hidden} submitLabel={t('moveSubmit')} pendingLabel={t('saving')} buttonClassName="button" className="footer-form">
            <label htmlFor="move-to">{t('moveTo')}</label>
            <select id="move-to" name="toGroupSlug" required defaultValue="">
              <option value="" disabled>
                {t('chooseGroup')}
              </option>
              {groups.map((g) => (
                <option key={g.slug} value={g.slug}>
                  {g.name}
                </option>
              ))}
            </select>
            <label htmlFor="move-reason">{t('reason')}</label>
            <input id="move-reason" name="reason" maxLength={300} dir="auto" />
          </ActionForm>
        ) : (
          <p className="meta">{t('noOtherGroups')}</p>
        )}
        <ActionForm
          action={mergeThreadAction}
          hidden={hidden}
          submitLabel={t('mergeSubmit')}
          pendingLabel={t('saving')}
          confirm={t('mergeConfirm')}
          buttonClassName="button"
          className="footer-form"
        >
          <label htmlFor="merge-into">{t('mergeInto')}</label>
          <input id="merge-into" name="intoThreadId" required dir="ltr" inputMode="url" aria-describedby="merge-into-hint" />
          <span id="merge-into-hint" className="meta">
            {t('mergeIntoHint')}
          </span>
          <label htmlFor="merge-reason">{t('reason')}</label>
          <input id="merge-reason" name="reason" maxLength={300} dir="auto" />
        </ActionForm>
        <p>
          <Link href={`/t/${threadId}/split`}>{t('splitLink')}</Link>
        </p>
      </div>
    </section>
  );
}

type SplitProps = {
  threadId: number;
  posts: { number: number; authorName: string; excerpt: string; deleted: boolean; hidden: boolean }[];
};

/**
 * The split form: a checkbox per post (the opening post and deleted posts cannot move), the new
 * thread's title and the reason. The choices are held in state, so a refused submission keeps them.
 */
export function SplitThreadForm({ threadId, posts }: SplitProps) {
  const t = useTranslations('surgery');
  const [state, action] = useActionState<FormState, FormData>(splitThreadAction, {});
  const [chosen, setChosen] = useState<Set<number>>(() => new Set());
  const toggle = (number: number, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(number);
      else next.delete(number);
      return next;
    });
  return (
    <form action={action} className="stack" noValidate>
      <FormError message={state.error} />
      <input type="hidden" name="threadId" value={threadId} />
      <fieldset aria-describedby="split-posts-error">
        <legend>{t('postsLegend')}</legend>
        <p className="meta" role="status">
          {t('chosenCount', { count: chosen.size })}
        </p>
        <ol className="stack tight split-posts">
          {posts.map((post) => {
            const movable = post.number > 1 && !post.deleted;
            return (
              <li key={post.number}>
                <label className="choice">
                  <input
                    type="checkbox"
                    name="postNumbers"
                    value={post.number}
                    disabled={!movable}
                    checked={chosen.has(post.number)}
                    onChange={(e) => toggle(post.number, e.target.checked)}
                    aria-describedby={`split-excerpt-${post.number}`}
                  />{' '}
                  {t('postLabel', { number: post.number, name: post.authorName })}
                  {post.number === 1 ? <span className="badge">{t('openingStays')}</span> : null}
                  {post.deleted ? <span className="badge">{t('deleted')}</span> : null}
                  {post.hidden ? <span className="badge">{t('hidden')}</span> : null}
                </label>
                <p id={`split-excerpt-${post.number}`} className="meta" dir="auto">
                  {post.excerpt}
                </p>
              </li>
            );
          })}
        </ol>
      </fieldset>
      <FieldError id="split-posts-error" messages={state.fieldErrors?.postNumbers} />
      <ThreadTitleField id="split-title" label={t('newTitle')} value={state.values?.title} errors={state.fieldErrors?.title} />
      <label htmlFor="split-reason">{t('reason')}</label>
      <input id="split-reason" name="reason" key={state.values?.reason} defaultValue={state.values?.reason} maxLength={300} dir="auto" />
      <SubmitButton pendingLabel={t('splitting')}>{t('splitSubmit')}</SubmitButton>
    </form>
  );
}
