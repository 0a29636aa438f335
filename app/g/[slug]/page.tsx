import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { JoinGroupButton } from '@/components/JoinGroupButton';
import { TimeAgo } from '@/components/TimeAgo';
import { requestCtx } from '@/lib/auth/viewer';
import { canJoinGroup, canStartThread } from '@/lib/permissions';
import { listThreads } from '@/lib/threads/list-threads';
import { readableOr404 } from '@/lib/not-found';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { group } = await readableOr404(listThreads(await requestCtx(), slug));
  return { title: group.name, description: group.description };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const [{ slug }, { after }] = await Promise.all([params, searchParams]);
  const ctx = await requestCtx();
  const t = await getTranslations('group');
  const { group, threads, nextCursor } = await readableOr404(listThreads(ctx, slug, after));
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href="/">{t('allGroups')}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>{group.name}</h1>
          <p dir="auto">{group.description}</p>
        </div>
        <div className="actions">
          {canStartThread(ctx.viewer, group) ? (
            <Link href={`/g/${group.slug}/new`} className="button primary">
              {t('startThread')}
            </Link>
          ) : null}
          {canJoinGroup(ctx.viewer, group) ? <JoinGroupButton groupSlug={group.slug} /> : null}
          {!ctx.viewer ? <Link href={`/sign-in?callbackUrl=/g/${group.slug}`}>{t('signInToPost')}</Link> : null}
        </div>
      </div>
      {threads.length === 0 ? (
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
            {threads.map((thread) => (
              <tr key={thread.id}>
                <td>
                  {thread.pinned ? <span className="badge">{t('pinned')}</span> : null}
                  {thread.closed ? <span className="badge">{t('closed')}</span> : null}
                  <Link href={`/t/${thread.id}`} className="thread-title" dir="auto">
                    {thread.title}
                  </Link>
                  {thread.unreadCount ? (
                    <span className="badge unread">{t('unread', { count: thread.unreadCount })}</span>
                  ) : null}
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
      {nextCursor ? (
        <nav aria-label={t('pagination')} className="pagination">
          <Link href={`/g/${group.slug}?after=${nextCursor}`}>{t('older')}</Link>
        </nav>
      ) : null}
    </>
  );
}
