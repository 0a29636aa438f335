import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PostView } from '@/lib/threads/get-thread-page';
import { threadPostUrl } from '@/lib/threads/urls';
import { deletePostAction, hidePostAction, restorePostAction, unhidePostAction } from '@/app/actions/posts';
import { PostActionButton } from './PostActionButton';
import { PostBookmarkForm } from './PostBookmarkForm';
import { PostFlagForm } from './PostFlagForm';
import { TimeAgo } from './TimeAgo';

type Props = { threadId: number; post: PostView; page: number; canReply: boolean };

export async function PostArticle({ threadId, post, page, canReply }: Props) {
  const t = await getTranslations('post');
  const headingId = `p${post.number}-heading`;
  return (
    <article id={`p${post.number}`} className="post" aria-labelledby={headingId}>
      <header className="post-head">
        <h2 id={headingId} className="post-author">
          {post.authorName}
        </h2>
        <a href={`#p${post.number}`} className="meta post-number" aria-label={t('permalink', { number: post.number })}>
          #{post.number}
        </a>
        <span className="meta">
          <TimeAgo date={post.createdAt} />
        </span>
        {post.edited && post.bodyHtml !== null ? (
          <Link href={`/p/${post.id}/history`} className="meta">
            {t('edited')}
          </Link>
        ) : null}
        {post.replyTo ? (
          <a href={threadPostUrl(threadId, post.replyTo.number)} className="meta">
            {t('inReplyTo', { number: post.replyTo.number, name: post.replyTo.authorName })}
          </a>
        ) : null}
      </header>
      {post.deleted ? (
        <div className="deleted">
          <p>{post.deletedByAuthor ? t('deletedByAuthor') : t('deletedByModerator')}</p>
          {post.canRestore ? (
            <PostActionButton action={restorePostAction} postId={post.id} label={t('restore')} ariaLabel={t('restoreLabel', { number: post.number })} />
          ) : null}
        </div>
      ) : post.bodyHtml === null ? (
        <p className="deleted">{t('hidden')}</p>
      ) : (
        <>
          {post.hidden ? <p className="notice">{t('hiddenFromOthers')}</p> : null}
          <div className="post-body" dir="auto" lang={post.language ?? undefined} dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        </>
      )}
      {post.bodyHtml !== null && !post.deleted ? (
        <footer className="post-actions">
          {canReply ? (
            <Link href={`/t/${threadId}?page=${page}&quote=${post.number}#reply`} aria-label={t('quoteLabel', { number: post.number })}>
              {t('quote')}
            </Link>
          ) : null}
          {post.canEdit ? (
            <Link href={`/p/${post.id}/edit`} aria-label={t('editLabel', { number: post.number })}>
              {t('edit')}
            </Link>
          ) : null}
          {post.canFlag ? <PostFlagForm postId={post.id} number={post.number} /> : null}
          {post.canBookmark ? <PostBookmarkForm postId={post.id} number={post.number} bookmark={post.bookmark} /> : null}
          {post.canHide ? <PostActionButton action={hidePostAction} postId={post.id} label={t('hide')} ariaLabel={t('hideLabel', { number: post.number })} confirm={t('confirmHide')} /> : null}
          {post.canUnhide ? <PostActionButton action={unhidePostAction} postId={post.id} label={t('unhide')} ariaLabel={t('unhideLabel', { number: post.number })} /> : null}
          {post.canDelete ? (
            <PostActionButton
              action={deletePostAction}
              postId={post.id}
              label={t('delete')}
              ariaLabel={t('deleteLabel', { number: post.number })}
              confirm={post.isOwn ? t('confirmDelete') : t('confirmDeleteAsModerator')}
            />
          ) : null}
        </footer>
      ) : null}
    </article>
  );
}
