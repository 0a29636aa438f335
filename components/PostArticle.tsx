import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PostView } from '@/lib/threads/get-thread-page';
import { threadPostUrl } from '@/lib/threads/urls';
import type { PostActions as Actions } from '@/lib/threads/thread-reading';
import { HiddenPostBody, PostActions, PostRestoreButton } from './PostActions';
import { TimeAgo } from './TimeAgo';

/** `actions`: what the viewer may do with the post, or null on a page shared among members (their browser asks). */
type Props = { threadId: number; post: PostView; page: number; actions: Actions | null };

export async function PostArticle({ threadId, post, page, actions }: Props) {
  const t = await getTranslations('post');
  const headingId = `p${post.number}-heading`;
  // Client components get the post's id and number alone: nothing else of it travels twice.
  const ref = { id: post.id, number: post.number };
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
          <PostRestoreButton post={ref} given={actions} />
        </div>
      ) : post.bodyHtml === null ? (
        <HiddenPostBody post={ref} language={post.language} />
      ) : (
        <>
          {post.hidden ? <p className="notice">{t('hiddenFromOthers')}</p> : null}
          <div className="post-body" dir="auto" lang={post.language ?? undefined} dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        </>
      )}
      {post.bodyHtml !== null && !post.deleted ? <PostActions threadId={threadId} page={page} post={ref} given={actions} /> : null}
    </article>
  );
}
