'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useMemberSummary } from './MemberSummaryProvider';

/** How often an open page asks for the unread count; a focused tab asks at once. */
const POLL_MS = 10_000;

/**
 * The header link to the notifications with the unread count, kept current without a reload:
 * it polls an ETag'd endpoint (a 304 when nothing changed), which works through proxies and
 * whichever app process answers. Screen readers hear the count when it changes. `initialCount`
 * is null on a page shared among members (app/shared-page.ts), whose member summary brings it.
 */
export function NotificationBell({ initialCount }: { initialCount: number | null }) {
  const t = useTranslations('notifications');
  const summary = useMemberSummary();
  // Until the first poll, a shared page's count is the one its member summary brought.
  const [polled, setPolled] = useState<number | null>(initialCount);
  const count = polled ?? summary?.unread ?? 0;
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      try {
        // no-cache: the browser revalidates with If-None-Match and reuses the body on a 304.
        const response = await fetch('/api/notifications/unread', { cache: 'no-cache' });
        if (response.ok && !stopped) setPolled(((await response.json()) as { count: number }).count);
      } catch {
        // Offline for a moment: the next poll catches up.
      }
    };
    const timer = setInterval(refresh, POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, []);
  return (
    <>
      <a href="/notifications" className="notification-bell" aria-label={t('bellLabel', { count })}>
        {t('bell')}
        {count > 0 ? (
          <span className="badge count" aria-hidden="true">
            {count}
          </span>
        ) : null}
      </a>
      <span className="visually-hidden" role="status">
        {count > 0 ? t('bellLabel', { count }) : ''}
      </span>
    </>
  );
}
