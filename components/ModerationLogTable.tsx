import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { LogEntry, ModerationAction } from '@/lib/moderation/list-moderation-log';
import { threadPostUrl } from '@/lib/threads/urls';
import { TimeAgo } from './TimeAgo';

/** Moderation log entries as a table: when, who, what, on which post, thread or member, and why. */
export async function ModerationLogTable({ entries, caption }: { entries: LogEntry[]; caption: string }) {
  const t = await getTranslations('moderation');
  return (
    <table className="thread-table">
      <caption className="visually-hidden">{caption}</caption>
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
        {entries.map((e) => (
          <tr key={e.id}>
            <td>
              <TimeAgo date={e.createdAt} />
            </td>
            <td>{e.actorName ?? t('automatic')}</td>
            <td>{t(`action.${e.action as ModerationAction}`)}</td>
            <td>
              <Target entry={e} postInThread={(number, title) => t('postInThread', { number, title })} />
            </td>
            <td dir="auto">{e.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Target({ entry: e, postInThread }: { entry: LogEntry; postInThread: (number: number, title: string) => string }) {
  if (e.memberId) {
    return (
      <Link href={`/m/${e.memberId}`} dir="auto">
        {e.memberName}
      </Link>
    );
  }
  if (!e.threadId) return null;
  return (
    <Link href={e.postNumber ? threadPostUrl(e.threadId, e.postNumber) : `/t/${e.threadId}`} dir="auto">
      {e.postNumber ? postInThread(e.postNumber, e.threadTitle ?? '') : e.threadTitle}
    </Link>
  );
}
