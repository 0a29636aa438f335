import { getTranslations } from 'next-intl/server';
import { SEARCH_ORDERS, SEARCH_STATUSES } from '@/lib/search/query-syntax';
import type { SearchResults } from '@/lib/search/search-archive';

const STATUS_LABEL = { open: 'statusOpen', closed: 'statusClosed', pinned: 'statusPinned', archived: 'statusArchived' } as const;
const ORDER_LABEL = { relevance: 'sortRelevance', newest: 'sortNewest', oldest: 'sortOldest', replies: 'sortReplies' } as const;

/** Written in the query box, these do what the controls do (lib/search/query-syntax.ts). */
const SYNTAX = [
  ['"…"', 'syntaxPhrase'],
  ['-word', 'syntaxExclude'],
  ['group:slug', 'syntaxGroup'],
  ['author:name', 'syntaxAuthor'],
  ['after:2025-01-01 before:2025-07', 'syntaxDates'],
  ['status:closed', 'syntaxStatus'],
  ['in:title', 'syntaxInTitle'],
  ['order:newest', 'syntaxOrder'],
] as const;

type Props = { results: SearchResults; groups: { slug: string; name: string }[]; controls: Record<string, string> };

/** The search page's form: the query and each filter as a control; GET, so every search has an address to share. */
export async function SearchForm({ results, groups, controls }: Props) {
  const t = await getTranslations('search');
  return (
    <form role="search" method="get" action="/search" aria-label={t('label')} className="search-form">
      <div className="search-query">
        <label htmlFor="search-q">{t('label')}</label>
        <div className="actions">
          <input id="search-q" type="search" name="q" defaultValue={results.query.text} maxLength={300} dir="auto" />
          <button type="submit" className="button primary">
            {t('submit')}
          </button>
        </div>
      </div>
      <fieldset className="search-filters">
        <legend>{t('filters')}</legend>
        <div className="stack tight">
          <label htmlFor="search-group">{t('group')}</label>
          <select id="search-group" name="group" defaultValue={controls.group ?? ''}>
            <option value="">{t('anyGroup')}</option>
            {groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="stack tight">
          <label htmlFor="search-author">{t('author')}</label>
          <input id="search-author" name="author" defaultValue={controls.author ?? ''} maxLength={200} dir="auto" aria-describedby="search-author-hint" />
          <p className="hint" id="search-author-hint">
            {t('authorHint')}
          </p>
        </div>
        <div className="stack tight">
          <label htmlFor="search-after">{t('after')}</label>
          <input id="search-after" name="after" type="date" defaultValue={controls.after ?? ''} />
        </div>
        <div className="stack tight">
          <label htmlFor="search-before">{t('before')}</label>
          <input id="search-before" name="before" type="date" defaultValue={controls.before ?? ''} />
        </div>
        <div className="stack tight">
          <label htmlFor="search-status">{t('status')}</label>
          <select id="search-status" name="status" defaultValue={controls.status ?? ''}>
            <option value="">{t('anyStatus')}</option>
            {SEARCH_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(STATUS_LABEL[status])}
              </option>
            ))}
          </select>
        </div>
        <div className="stack tight">
          <label htmlFor="search-sort">{t('sort')}</label>
          <select id="search-sort" name="sort" defaultValue={controls.sort ?? ''}>
            {SEARCH_ORDERS.map((order) => (
              <option key={order} value={order === 'relevance' ? '' : order}>
                {t(ORDER_LABEL[order])}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input id="search-in-title" type="checkbox" name="in" value="title" defaultChecked={controls.in === 'title'} />
          <label htmlFor="search-in-title">{t('inTitle')}</label>
        </div>
      </fieldset>
      <details className="search-syntax">
        <summary>{t('syntaxTitle')}</summary>
        <dl>
          {SYNTAX.map(([example, key]) => (
            <div key={key}>
              <dt>
                <code dir="ltr">{example}</code>
              </dt>
              <dd>{t(key)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </form>
  );
}
