'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/**
 * The header's link to the member's settings, with their name. A page shared among members
 * is rendered without it (`name` null), so the browser asks who is signed in.
 */
export function MemberNameLink({ name }: { name: string | null }) {
  const t = useTranslations('header');
  const [known, setKnown] = useState(name);
  useEffect(() => {
    if (name !== null) return;
    let stopped = false;
    fetch('/api/me', { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<{ name: string | null }>) : null))
      .then((me) => {
        if (!stopped && me?.name) setKnown(me.name);
      })
      .catch(() => {
        // Offline for a moment: the link still leads to the settings.
      });
    return () => {
      stopped = true;
    };
  }, [name]);
  return (
    <Link href="/settings/profile" className="viewer-name">
      {known === null ? t('yourProfile') : t('signedInAs', { name: known })}
    </Link>
  );
}
