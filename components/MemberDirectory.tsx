import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { DirectoryEntry } from '@/lib/members/list-directory';
import { LANGUAGE_CODES, PLACE_MAX_LENGTH, PROFESSION_MAX_LENGTH } from '@/lib/members/profile-rules';
import { FormError } from './FormError';
import { MemberCard } from './MemberCard';
import { languageName } from './MemberLanguages';

export type DirectoryFilterValues = { profession: string; city: string; language: string };

type Props = {
  /** Where the filter form and page links point: /members, or a group's /g/<slug>/members. */
  path: string;
  filters: DirectoryFilterValues;
  members: DirectoryEntry[];
  nextCursor: string | null;
  /** The cursor of the page shown, if not the first. */
  after?: string;
  error?: string;
};

/**
 * The filter form and one page of members. The form submits with GET, so every filtered
 * list (and each of its pages) has an address that can be bookmarked and shared.
 */
export async function MemberDirectory({ path, filters, members, nextCursor, after, error }: Props) {
  const t = await getTranslations('directory');
  const locale = await getLocale();
  const languages = LANGUAGE_CODES.map((code) => ({ code, name: languageName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
  const href = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(Object.entries({ ...filters, ...extra }).filter(([, value]) => value));
    return params.size ? `${path}?${params}` : path;
  };
  const filtered = Boolean(filters.profession || filters.city || filters.language);
  return (
    <>
      <form role="search" method="get" action={path} aria-label={t('filters')} className="directory-filters">
        <div className="stack tight">
          <label htmlFor="directory-profession">{t('profession')}</label>
          <input
            id="directory-profession"
            name="profession"
            defaultValue={filters.profession}
            maxLength={PROFESSION_MAX_LENGTH}
            aria-describedby="directory-profession-hint"
            dir="auto"
          />
          <p className="hint" id="directory-profession-hint">
            {t('professionHint')}
          </p>
        </div>
        <div className="stack tight">
          <label htmlFor="directory-city">{t('city')}</label>
          <input id="directory-city" name="city" defaultValue={filters.city} maxLength={PLACE_MAX_LENGTH} dir="auto" />
        </div>
        <div className="stack tight">
          <label htmlFor="directory-language">{t('language')}</label>
          <select id="directory-language" name="language" defaultValue={filters.language}>
            <option value="">{t('anyLanguage')}</option>
            {languages.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('filter')}
          </button>
          {filtered ? <Link href={path}>{t('clear')}</Link> : null}
        </div>
      </form>
      <FormError message={error} />
      <section aria-labelledby="directory-results">
        <h2 id="directory-results">{t('results')}</h2>
        {members.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ul className="member-list">
            {members.map((member) => (
              <li key={member.id}>
                <MemberCard member={member} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {nextCursor || after ? (
        <nav aria-label={t('pagination')} className="pagination">
          {after ? <Link href={href()}>{t('first')}</Link> : null}
          {nextCursor ? (
            <Link href={href({ after: nextCursor })} rel="next">
              {t('next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
