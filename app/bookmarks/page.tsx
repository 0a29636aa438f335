import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { BookmarkList } from '@/components/BookmarkList';
import { listBookmarks } from '@/lib/bookmarks/list-bookmarks';
import { signedInPage } from '@/app/signed-in-page';

type Props = { searchParams: Promise<{ before?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('bookmarks'))('title'), robots: { index: false } };
}

/** The member's bookmarks, newest first, each linking to its post, with its note and reminder. */
export default async function BookmarksPage({ searchParams }: Props) {
  const ctx = await signedInPage('/bookmarks');
  const t = await getTranslations('bookmarks');
  const { bookmarks, nextBefore } = await listBookmarks(ctx, await searchParams);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      {bookmarks.length === 0 ? <p>{t('empty')}</p> : <BookmarkList bookmarks={bookmarks} />}
      {nextBefore ? (
        <nav aria-label={t('pagination')} className="pagination">
          <Link href={`/bookmarks?before=${nextBefore}`}>{t('older')}</Link>
        </nav>
      ) : null}
    </>
  );
}
