import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/context';
import { NotificationBell } from './NotificationBell';
import { SearchBox } from './SearchBox';
import { SignOutButton } from './SignOutButton';

/** `unread`: the signed-in member's unread notifications when the page was rendered. */
export async function SiteHeader({ viewer, unread }: { viewer: Viewer | null; unread: number }) {
  const t = await getTranslations('header');
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link href="/" className="brand">
          Cercle
        </Link>
        <SearchBox />
        <nav aria-label={t('navigation')}>
          <ul className="nav-list">
            <li>
              <Link href="/">{t('groups')}</Link>
            </li>
            <li>
              <Link href="/members">{t('members')}</Link>
            </li>
            {viewer ? (
              <>
                <li>
                  <NotificationBell initialCount={unread} />
                </li>
                <li>
                  <Link href="/bookmarks">{t('bookmarks')}</Link>
                </li>
                <li>
                  <Link href="/settings/profile" className="viewer-name">
                    {t('signedInAs', { name: viewer.name })}
                  </Link>
                </li>
                <li>
                  <SignOutButton />
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/sign-in">{t('signIn')}</Link>
                </li>
                <li>
                  <Link href="/sign-up" className="button primary small">
                    {t('signUp')}
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
