import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

type Props = {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  /** The catalogue holding this list's pagination, previous, next and pageN labels. */
  messages: 'thread' | 'search';
};

/** Previous / next and a few page numbers around the current one. */
export async function Pagination({ page, pageCount, href, messages }: Props) {
  if (pageCount <= 1) return null;
  const t = await getTranslations(messages);
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav aria-label={t('pagination')} className="pagination">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">{t('previous')}</Link> : null}
      {shown.map((p) =>
        p === page ? (
          <span key={p} aria-current="page" className="current">
            {p}
          </span>
        ) : (
          <Link key={p} href={href(p)} aria-label={t('pageN', { page: p })}>
            {p}
          </Link>
        ),
      )}
      {page < pageCount ? <Link href={href(page + 1)} rel="next">{t('next')}</Link> : null}
    </nav>
  );
}
