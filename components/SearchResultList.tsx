import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { highlightSegments } from '@/lib/search/highlight';
import type { SearchHit } from '@/lib/search/search-archive';
import { Highlighted } from './Highlighted';
import { TimeAgo } from './TimeAgo';

/** One result per thread: its title and the best-matching post's snippet, matched words marked. */
export async function SearchResultList({ hits }: { hits: SearchHit[] }) {
  const t = await getTranslations('search');
  return (
    <ol className="search-results">
      {hits.map((hit) => (
        <li key={hit.postId} className="search-result">
          <h3>
            <Link href={hit.url} dir="auto">
              <Highlighted segments={highlightSegments(hit.titleHighlight)} />
            </Link>
          </h3>
          <p className="badges">
            {hit.thread.pinned ? <span className="badge">{t('statusPinned')}</span> : null}
            {hit.thread.closed ? <span className="badge">{t('statusClosed')}</span> : null}
          </p>
          <p className="snippet" dir="auto">
            <Highlighted segments={highlightSegments(hit.snippet)} />
          </p>
          <p className="meta">
            <Link href={`/g/${hit.group.slug}`}>{t('inGroup', { group: hit.group.name })}</Link>
            {' · '}
            <Link href={`/m/${hit.author.id}`}>{t('byAuthor', { name: hit.author.name })}</Link>
            {' · '}
            <TimeAgo date={new Date(hit.postedAt)} />
            {' · '}
            {hit.number > 1 ? `${t('postNumber', { number: hit.number })} · ` : null}
            {t('replies', { count: hit.thread.replyCount })}
          </p>
        </li>
      ))}
    </ol>
  );
}
