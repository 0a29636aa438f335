import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Where the reply box or "New thread" would be, for a member silenced in the group: until when, and why. */
export async function SilenceNotice({ silence }: { silence: { until: Date; reason: string } }) {
  const t = await getTranslations('penalty');
  return (
    <p className="notice">
      {t('youAreSilenced', { date: silence.until, reason: silence.reason })} <Link href="/settings/moderation">{t('myModerationLink')}</Link>
    </p>
  );
}
