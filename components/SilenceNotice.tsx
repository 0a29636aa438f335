import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * Where the reply box or "New thread" would be, for a member silenced in the group: until when, and why.
 * Not async, so the shared thread page's reply area (a client component) renders it too.
 */
export function SilenceNotice({ silence }: { silence: { until: Date; reason: string } }) {
  const t = useTranslations('penalty');
  return (
    <p className="notice">
      {t('youAreSilenced', { date: silence.until, reason: silence.reason })} <Link href="/settings/moderation">{t('myModerationLink')}</Link>
    </p>
  );
}
