import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { setGroupLevelAction } from '@/app/actions/notifications';
import { GroupDoor } from '@/components/GroupDoor';
import { NotificationLevelForm } from '@/components/NotificationLevelForm';
import { SilenceNotice } from '@/components/SilenceNotice';
import { TimeAgo } from '@/components/TimeAgo';
import { requestCtx } from '@/lib/auth/viewer';
import { getGroupOverview } from '@/lib/groups/get-group-overview';
import { readableOr404 } from '@/lib/not-found';
import { groupLevelOf } from '@/lib/notifications/notification-levels';
import { listThreads } from '@/lib/threads/list-threads';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string; show?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { group } = await readableOr404(getGroupOverview(await requestCtx(), (await params).slug));
  // Name and description are what outsiders may see of a private group; nothing more goes into metadata.
  return { title: group.name, description: group.description };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const [{ slug }, { after, show }] = await Promise.all([params, searchParams]);
  const archived = show === 'archived';
  const ctx = await requestCtx();
  const t = await getTranslations('group');
  const overview = await readableOr404(getGroupOverview(ctx, slug));
  const { group, can } = overview;
  const listing = overview.readable ? await listThreads(ctx, slug, after, { archived }) : null;
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href="/">{t('allGroups')}</Link>
        {group.parent ? (
          <>
            {' › '}
            <Link href={`/g/${group.parent.slug}`}>{group.parent.name}</Link>
          </>
        ) : null}
      </nav>
      <div className="page-head">
        <div>
          <h1>{group.name}</h1>
          <p className="badges">
            {group.visibility === 'private' ? <span className="badge">{t('private')}</span> : null}
            {group.onePerProfession ? <span className="badge">{t('onePerProfession')}</span> : null}
            {group.role ? <span className="badge member">{t(`role.${group.role}`)}</span> : null}
            {group.city || group.region ? <span className="meta">{[group.city, group.region].filter(Boolean).join(', ')}</span> : null}
          </p>
          <p dir="auto">{group.description}</p>
        </div>
        <div className="actions">
          {can.startThread ? (
            <Link href={`/g/${group.slug}/new`} className="button primary">
              {t('startThread')}
            </Link>
          ) : null}
          {can.seeMembers ? <Link href={`/g/${group.slug}/members`}>{t('members')}</Link> : null}
          {can.moderate ? <Link href={`/g/${group.slug}/manage`}>{t('manage')}</Link> : null}
          <GroupDoor overview={overview} signedIn={ctx.viewer !== null} />
        </div>
      </div>
      {overview.silence ? <SilenceNotice silence={overview.silence} /> : null}
      {overview.readable && ctx.viewer ? (
        <NotificationLevelForm action={setGroupLevelAction} hidden={{ groupSlug: group.slug }} level={(await groupLevelOf(ctx, group.id)) ?? 'normal'} scope="group" />
      ) : null}
      {listing ? (
        <p className="actions">
          {archived ? <Link href={`/g/${group.slug}`}>{t('currentThreads')}</Link> : <Link href={`/g/${group.slug}?show=archived`}>{t('archivedThreads')}</Link>}
        </p>
      ) : null}
      {archived ? <h2>{t('archivedThreads')}</h2> : null}
      {!listing ? (
        <p className="notice">{t('membersOnly')}</p>
      ) : listing.threads.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table className="thread-table">
          <caption className="visually-hidden">{t('threadsCaption', { name: group.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('thread')}</th>
              <th scope="col">{t('replies')}</th>
              <th scope="col">{t('activity')}</th>
            </tr>
          </thead>
          <tbody>
            {listing.threads.map((thread) => (
              <tr key={thread.id}>
                <td>
                  {thread.pinned ? <span className="badge">{t('pinned')}</span> : null}
                  {thread.closed ? <span className="badge">{t('closed')}</span> : null}
                  <Link href={`/t/${thread.id}`} className="thread-title" dir="auto">
                    {thread.title}
                  </Link>
                  {thread.unreadCount ? <span className="badge unread">{t('unread', { count: thread.unreadCount })}</span> : null}
                  <span className="meta"> {t('startedBy', { name: thread.authorName })}</span>
                </td>
                <td className="num">{thread.replyCount}</td>
                <td>
                  <TimeAgo date={thread.lastPostedAt} />
                  {thread.lastPosterName ? <span className="meta"> {t('by', { name: thread.lastPosterName })}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listing?.nextCursor ? (
        <nav aria-label={t('pagination')} className="pagination">
          <Link href={`/g/${group.slug}?${new URLSearchParams({ ...(archived ? { show: 'archived' } : {}), after: listing.nextCursor })}`}>{t('older')}</Link>
        </nav>
      ) : null}
    </>
  );
}
