'use client';

import { useTranslations } from 'next-intl';
import { bookmarkPostAction, removeBookmarkAction } from '@/app/actions/bookmarks';
import { BOOKMARK_NOTE_MAX_LENGTH } from '@/lib/bookmarks/bookmark-rules';
import { ActionForm } from './ActionForm';
import { PostActionButton } from './PostActionButton';
import { useOpenedOnce } from './use-opened-once';

type Props = {
  postId: number;
  number: number;
  /** The viewer's bookmark on the post, if any; its note and reminder fill the form, so saving again keeps them. */
  bookmark: { note: string | null; remindAt: Date | null } | null;
};

/**
 * A datetime-local value in UTC ("2026-05-01T14:30"): Cercle shows times in UTC and the
 * field says so, which keeps the server's and the browser's rendering of it the same.
 */
const utcLocalValue = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : '');

/** "Bookmark": keep a post for later with a note and a reminder, behind a disclosure (rendered once opened); and remove it again. */
export function PostBookmarkForm({ postId, number, bookmark }: Props) {
  const t = useTranslations('bookmarks');
  const field = (name: string) => `bookmark-${postId}-${name}`;
  const [opened, details] = useOpenedOnce();
  return (
    <details className="bookmark-post" {...details}>
      <summary aria-label={t(bookmark ? 'bookmarkedLabel' : 'openLabel', { number })}>{t(bookmark ? 'bookmarked' : 'open')}</summary>
      {opened ? (
        <>
          <ActionForm action={bookmarkPostAction} hidden={{ postId }} submitLabel={t('save')} pendingLabel={t('saving')} className="stack tight" success={() => t('saved')}>
            <label htmlFor={field('note')}>{t('note')}</label>
            <textarea id={field('note')} name="note" rows={2} maxLength={BOOKMARK_NOTE_MAX_LENGTH} dir="auto" defaultValue={bookmark?.note ?? ''} />
            <label htmlFor={field('remind')}>{t('remindAt')}</label>
            <input id={field('remind')} type="datetime-local" name="remindAt" defaultValue={utcLocalValue(bookmark?.remindAt ?? null)} />
          </ActionForm>
          {bookmark ? <PostActionButton action={removeBookmarkAction} postId={postId} label={t('remove')} ariaLabel={t('removeLabel', { number })} /> : null}
        </>
      ) : null}
    </details>
  );
}
