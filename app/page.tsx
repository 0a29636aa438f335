import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TimeAgo } from '@/components/TimeAgo';
import { requestCtx } from '@/lib/auth/viewer';
import { listGroups } from '@/lib/groups/list-groups';
import { listAnnouncements } from '@/lib/threads/list-announcements';
import { canCreateGroup } from '@/lib/permissions';

export default async function HomePage() {
  const t = await getTranslations('home');
  const ctx = await requestCtx();
  const [groups, announcements] = await Promise.all([listGroups(ctx), listAnnouncements(ctx)]);
  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        {canCreateGroup(ctx.viewer) ? (
          <Link href="/admin/groups/new" className="button">
            {t('newGroup')}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t('intro')}</p>
      {announcements.length > 0 ? (
        <section aria-labelledby="announcements-heading" className="card">
          <h2 id="announcements-heading">{t('announcements')}</h2>
          <ul>
            {announcements.map((a) => (
              <li key={a.id}>
                <Link href={`/t/${a.id}`} dir="auto">
                  {a.title}
                </Link>{' '}
                <span className="meta">· {a.groupName}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul className="group-list" aria-label={t('title')}>
        {groups.map((g) => (
          <li key={g.slug} className={`group-card${g.parentSlug ? ' subgroup' : ''}`}>
            <h2>
              <Link href={`/g/${g.slug}`}>{g.name}</Link>
            </h2>
            <p className="badges">
              {g.visibility === 'private' ? <span className="badge">{t('private')}</span> : null}
              {g.isMember ? <span className="badge member">{t('member')}</span> : null}
            </p>
            {g.city || g.region ? <p className="meta">{[g.city, g.region].filter(Boolean).join(', ')}</p> : null}
            <p dir="auto">{g.description}</p>
            {g.activity ? (
              <p className="meta">
                {t('threadCount', { count: g.activity.threadCount })} · {t('postCount', { count: g.activity.postCount })}
                {g.activity.lastPostedAt ? (
                  <>
                    {' · '}
                    {t('lastActivity')} <TimeAgo date={g.activity.lastPostedAt} />
                  </>
                ) : null}
              </p>
            ) : (
              <p className="meta">{t('membersOnly')}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
