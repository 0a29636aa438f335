import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ModerationLogTable } from '@/components/ModerationLogTable';
import { listActionsOnMe } from '@/lib/moderation/list-actions-on-me';
import { signedInPage } from '@/app/signed-in-page';

type Props = { searchParams: Promise<{ before?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('myModeration'))('title'), robots: { index: false } };
}

/** What moderators did to the member's own posts and threads, and any silence in force, with the reasons. */
export default async function MyModerationPage({ searchParams }: Props) {
  const ctx = await signedInPage('/settings/moderation');
  const t = await getTranslations('myModeration');
  const tp = await getTranslations('penalty');
  const mine = await listActionsOnMe(ctx, await searchParams);
  return (
    <>
      <h1>{t('title')}</h1>
      {mine.silences.length > 0 ? (
        <section aria-labelledby="silences-heading">
          <h2 id="silences-heading">{t('silencesHeading')}</h2>
          <ul className="card-list">
            {mine.silences.map((s) => (
              <li key={s.groupId} className="card">
                <Link href={`/g/${s.groupSlug}`} dir="auto">
                  {s.groupName}
                </Link>
                <p>{tp('youAreSilenced', { date: s.until, reason: s.reason })}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('actionsHeading')}</h2>
        {mine.entries.length === 0 ? <p>{t('empty')}</p> : <ModerationLogTable entries={mine.entries} caption={t('actionsHeading')} />}
        {mine.nextBefore ? (
          <nav aria-label={t('pagination')} className="pagination">
            <Link href={`/settings/moderation?before=${mine.nextBefore}`}>{t('older')}</Link>
          </nav>
        ) : null}
      </section>
    </>
  );
}
