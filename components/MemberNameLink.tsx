'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemberSummary } from './MemberSummaryProvider';

/**
 * The header's link to the member's settings, with their name. A page shared among members
 * is rendered without it (`name` null): the name arrives with the member's summary.
 */
export function MemberNameLink({ name }: { name: string | null }) {
  const t = useTranslations('header');
  const summary = useMemberSummary();
  const known = name ?? summary?.name ?? null;
  return (
    <Link href="/settings/profile" className="viewer-name">
      {known === null ? t('yourProfile') : t('signedInAs', { name: known })}
    </Link>
  );
}
