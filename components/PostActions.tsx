'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { deletePostAction, hidePostAction, restorePostAction, unhidePostAction } from '@/app/actions/posts';
import type { PostActions as Actions } from '@/lib/threads/thread-reading';
import { PostActionButton } from './PostActionButton';
import { PostBookmarkForm } from './PostBookmarkForm';
import { PostFlagForm } from './PostFlagForm';
import { useThreadReading } from './ThreadReadingProvider';

type Post = { id: number; number: number };

/** The actions rendered with the page, or, on a page shared among members (`given` null), the member's own once they arrive. */
function useActions(post: Post, given: Actions | null): Actions | null {
  const reading = useThreadReading();
  return given ?? reading?.posts[post.id] ?? null;
}

/** What the reader may do with a post: quote, edit, flag, bookmark, hide or show, delete. */
export function PostActions({ threadId, page, post, given }: { threadId: number; page: number; post: Post; given: Actions | null }) {
  const t = useTranslations('post');
  const actions = useActions(post, given);
  return (
    <footer className="post-actions">
      {actions?.canQuote ? (
        <Link href={`/t/${threadId}?page=${page}&quote=${post.number}#reply`} aria-label={t('quoteLabel', { number: post.number })}>
          {t('quote')}
        </Link>
      ) : null}
      {actions?.canEdit ? (
        <Link href={`/p/${post.id}/edit`} aria-label={t('editLabel', { number: post.number })}>
          {t('edit')}
        </Link>
      ) : null}
      {actions?.canFlag ? <PostFlagForm postId={post.id} number={post.number} /> : null}
      {actions?.canBookmark ? <PostBookmarkForm postId={post.id} number={post.number} bookmark={actions.bookmark} /> : null}
      {actions?.canHide ? <PostActionButton action={hidePostAction} postId={post.id} label={t('hide')} ariaLabel={t('hideLabel', { number: post.number })} confirm={t('confirmHide')} /> : null}
      {actions?.canUnhide ? <PostActionButton action={unhidePostAction} postId={post.id} label={t('unhide')} ariaLabel={t('unhideLabel', { number: post.number })} /> : null}
      {actions?.canDelete ? (
        <PostActionButton
          action={deletePostAction}
          postId={post.id}
          label={t('delete')}
          ariaLabel={t('deleteLabel', { number: post.number })}
          confirm={actions.isOwn ? t('confirmDelete') : t('confirmDeleteAsModerator')}
        />
      ) : null}
    </footer>
  );
}

/** "Restore" under a deleted post, for its author or a moderator. */
export function PostRestoreButton({ post, given }: { post: Post; given: Actions | null }) {
  const t = useTranslations('post');
  const actions = useActions(post, given);
  return actions?.canRestore ? <PostActionButton action={restorePostAction} postId={post.id} label={t('restore')} ariaLabel={t('restoreLabel', { number: post.number })} /> : null;
}

/** A post hidden from this reader: on a page shared among members, its author still gets to read it from their browser. */
export function HiddenPostBody({ post, language }: { post: Post; language: string | null }) {
  const t = useTranslations('post');
  const own = useThreadReading()?.posts[post.id]?.hiddenBodyHtml ?? null;
  if (own === null) return <p className="deleted">{t('hidden')}</p>;
  return (
    <>
      <p className="notice">{t('hiddenFromOthers')}</p>
      <div className="post-body" dir="auto" lang={language ?? undefined} dangerouslySetInnerHTML={{ __html: own }} />
    </>
  );
}
