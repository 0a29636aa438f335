import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { joinGroupAction } from '@/app/actions/groups';
import type { ReplyArea } from '@/lib/threads/reply-area';
import { ActionForm } from './ActionForm';
import { SilenceNotice } from './SilenceNotice';

type Props = {
  area: Exclude<ReplyArea, 'form'>;
  thread: { id: number; closedReason: string | null };
  group: { slug: string; silence?: { until: Date; reason: string } | null };
};

/** Under a thread's posts where the reply form would be: why there is none, and what the reader can do. */
export async function ReplyNotice({ area, thread, group }: Props) {
  const t = await getTranslations('thread');
  switch (area) {
    case 'archived':
      return <p className="notice">{t('archivedNotice')}</p>;
    case 'closed':
      return <p className="notice">{thread.closedReason ? t('closedNoticeWithReason', { reason: thread.closedReason }) : t('closedNotice')}</p>;
    case 'silenced':
      return group.silence ? <SilenceNotice silence={group.silence} /> : null;
    case 'signIn':
      return (
        <p className="notice">
          <Link href={`/sign-in?callbackUrl=/t/${thread.id}`}>{t('signInToReply')}</Link>
        </p>
      );
    case 'join':
      return (
        <div className="notice">
          <p>{t('joinToReply')}</p>
          <ActionForm action={joinGroupAction} hidden={{ groupSlug: group.slug }} submitLabel={t('join')} pendingLabel={t('joining')} />
        </div>
      );
    case 'membersOnly':
      return <p className="notice">{t('membersOnlyReply')}</p>;
  }
}
