import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { removeBookmarkAction } from '@/app/actions/bookmarks';
import type { BookmarkView } from '@/lib/bookmarks/list-bookmarks';
import { PostActionButton } from './PostActionButton';
import { TimeAgo } from './TimeAgo';

/** "My bookmarks": each post with where it is, an excerpt, the member's note and reminder, and a way to remove it. */
export async function BookmarkList({ bookmarks }: { bookmarks: BookmarkView[] }) {
  const t = await getTranslations('bookmarks');
  return (
    <ul className="card-list">
      {bookmarks.map((b) => (
        <li key={b.postId} className="card stack tight">
          <Link href={b.url} dir="auto">
            {t('postLink', { title: b.threadTitle, number: b.postNumber })}
          </Link>
          <p className="meta">
            {t('byAuthor', { name: b.authorName, group: b.groupName })} · <TimeAgo date={b.createdAt} />
          </p>
          <blockquote dir="auto">{b.excerpt}</blockquote>
          {b.note ? <p dir="auto">{t('yourNote', { note: b.note })}</p> : null}
          {b.remindAt ? <p className="meta">{t('reminder', { date: b.remindAt })}</p> : null}
          <PostActionButton action={removeBookmarkAction} postId={b.postId} label={t('remove')} ariaLabel={t('removeFromList', { number: b.postNumber, title: b.threadTitle })} />
        </li>
      ))}
    </ul>
  );
}
