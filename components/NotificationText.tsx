import { getTranslations } from 'next-intl/server';
import type { NotificationKind } from '@/lib/notifications/kinds';
import type { ModerationAction } from '@/lib/moderation/list-moderation-log';

type Shown = {
  kind: NotificationKind;
  actorName: string | null;
  threadTitle: string | null;
  groupName: string | null;
  data: Record<string, unknown> | null;
};

/** One notification as a sentence in the reader's language. */
export async function NotificationText({ notification: n }: { notification: Shown }) {
  const t = await getTranslations('notifications');
  const tm = await getTranslations('moderation');
  const values = { actor: n.actorName ?? t('someone'), title: n.threadTitle ?? '', group: n.groupName ?? '' };
  switch (n.kind) {
    case 'moderation': {
      const action = tm(`action.${String(n.data?.action) as ModerationAction}`);
      return <span dir="auto">{n.data?.reason ? t('moderationWithReason', { action, reason: String(n.data.reason), title: values.title }) : t('moderation', { action, title: values.title })}</span>;
    }
    case 'mention_not_notified':
      return <span dir="auto">{t('mention_not_notified', { names: ((n.data?.names as string[] | undefined) ?? []).join(', '), title: values.title })}</span>;
    case 'bookmark_reminder':
      return <span dir="auto">{t('bookmark_reminder', { title: values.title, note: String(n.data?.note ?? '') })}</span>;
    default:
      return <span dir="auto">{t(n.kind, values)}</span>;
  }
}
