import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TimeAgo } from '@/components/TimeAgo';
import { requestCtx } from '@/lib/auth/viewer';
import { listModerationLog, MODERATION_ACTIONS } from '@/lib/moderation/list-moderation-log';
import { readableOr404 } from '@/lib/not-found';
import { threadPostUrl } from '@/lib/threads/urls';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ action?: string; before?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('moderation'))('logTitle') };
}

export default async function ModerationLogPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const t = await getTranslations('moderation');
  const log = await readableOr404(listModerationLog(await requestCtx(), { groupSlug: slug, ...query }));
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={`/g/${log.group.slug}/manage`}>{log.group.name}</Link>
      </nav>
      <h1>{t('logHeading', { name: log.group.name })}</h1>
      <form method="get" className="footer-form">
        <label htmlFor="log-action">{t('filter')}</label>
        <select id="log-action" name="action" defaultValue={log.action ?? ''}>
          <option value="">{t('allActions')}</option>
          {MODERATION_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`action.${action}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button small">
          {t('apply')}
        </button>
      </form>
      {log.entries.length === 0 ? <p>{t('empty')}</p> : null}
      <table className="thread-table">
        <caption className="visually-hidden">{t('logHeading', { name: log.group.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('who')}</th>
            <th scope="col">{t('what')}</th>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {log.entries.map((e) => (
            <tr key={e.id}>
              <td>
                <TimeAgo date={e.createdAt} />
              </td>
              <td>{e.actorName ?? t('automatic')}</td>
              <td>{t(`action.${e.action as (typeof MODERATION_ACTIONS)[number]}`)}</td>
              <td>
                {e.threadId ? (
                  <Link href={e.postNumber ? threadPostUrl(e.threadId, e.postNumber) : `/t/${e.threadId}`} dir="auto">
                    {e.postNumber ? t('postInThread', { number: e.postNumber, title: e.threadTitle ?? '' }) : e.threadTitle}
                  </Link>
                ) : null}
              </td>
              <td dir="auto">{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.nextBefore ? (
        <nav aria-label={t('pagination')} className="pagination">
          <Link href={`/g/${log.group.slug}/log?${new URLSearchParams({ ...(log.action ? { action: log.action } : {}), before: String(log.nextBefore) })}`}>{t('older')}</Link>
        </nav>
      ) : null}
    </>
  );
}
