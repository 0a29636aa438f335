import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/Pagination';
import { SearchForm } from '@/components/SearchForm';
import { SearchResultList } from '@/components/SearchResultList';
import { requestCtx } from '@/lib/auth/viewer';
import { searchArchive } from '@/lib/search/search-archive';
import { groupFilterChoices } from '@/lib/search/searchable-groups';

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

const CONTROLS = ['group', 'author', 'after', 'before', 'status', 'in', 'sort'] as const;

/** The first value of each parameter; a parameter given twice is read once, never an error. */
function single(params: SearchParams): Record<string, string> {
  return Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (Array.isArray(value) ? [[key, value[0] ?? '']] : value === undefined ? [] : [[key, value]])));
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations('search');
  const q = single(await searchParams).q?.trim();
  // Result pages change with every post: links to them are for people, not for indexes.
  return { title: q ? t('titleFor', { query: q.slice(0, 80) }) : t('title'), robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = single(await searchParams);
  const ctx = await requestCtx();
  const t = await getTranslations('search');
  const [results, groups] = await Promise.all([searchArchive(ctx, params), groupFilterChoices(ctx)]);
  const controls = Object.fromEntries(CONTROLS.flatMap((key) => (params[key] ? [[key, params[key]]] : [])));
  const pageHref = (page: number) => `/search?${new URLSearchParams({ ...controls, q: results.query.text, page: String(page) })}`;
  return (
    <>
      <h1>{t('title')}</h1>
      <SearchForm results={results} groups={groups} controls={controls} />
      <section aria-labelledby="search-results" className="stack">
        <h2 id="search-results">{t('results')}</h2>
        {results.empty ? (
          <p>{t('prompt')}</p>
        ) : (
          <>
            <p role="status">{results.capped ? t('countCapped', { count: results.total }) : t('count', { count: results.total })}</p>
            {results.hits.length > 0 ? <SearchResultList hits={results.hits} /> : <p>{t('none')}</p>}
            <Pagination page={results.page} pageCount={results.pageCount} href={pageHref} messages="search" />
          </>
        )}
      </section>
    </>
  );
}
