import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { markAllNotificationsReadAction } from '@/app/actions/notifications';
import { ActionForm } from '@/components/ActionForm';
import { NotificationText } from '@/components/NotificationText';
import { TimeAgo } from '@/components/TimeAgo';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { signedInPage } from '@/app/signed-in-page';

type Props = { searchParams: Promise<{ before?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title'), robots: { index: false } };
}

/** Everything the member was told about, newest first; each item opens the exact post and marks itself read. */
export default async function NotificationsPage({ searchParams }: Props) {
  const ctx = await signedInPage('/notifications');
  const t = await getTranslations('notifications');
  const { notifications, nextBefore } = await listNotifications(ctx, await searchParams);
  return (
    <>
      <h1>{t('title')}</h1>
      <div className="actions">
        <ActionForm action={markAllNotificationsReadAction} submitLabel={t('markAllRead')} pendingLabel={t('saving')} buttonClassName="button small" />
        <Link href="/settings/notifications">{t('settingsLink')}</Link>
      </div>
      {notifications.length === 0 ? <p>{t('empty')}</p> : null}
      <ol className="card-list notification-list">
        {notifications.map((n) => (
          <li key={n.id} className={n.readAt ? 'card' : 'card unread'}>
            {/* A plain link, not a prefetching one: opening it is what marks it read. */}
            <a href={`/notifications/open/${n.id}`}>
              <NotificationText notification={n} />
            </a>
            {n.readAt ? null : <span className="badge">{t('unread')}</span>}
            {n.excerpt ? (
              <p className="meta" dir="auto">
                {n.excerpt}
              </p>
            ) : null}
            <p className="meta">
              <TimeAgo date={n.createdAt} />
            </p>
          </li>
        ))}
      </ol>
      {nextBefore ? (
        <nav aria-label={t('pagination')} className="pagination">
          <Link href={`/notifications?before=${nextBefore}`}>{t('older')}</Link>
        </nav>
      ) : null}
    </>
  );
}
