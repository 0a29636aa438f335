import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MemberNameLink } from './MemberNameLink';
import { NotificationBell } from './NotificationBell';
import { SearchBox } from './SearchBox';
import { SignOutButton } from './SignOutButton';

/**
 * `member`: who is signed in and their unread notifications when the page was rendered, or
 * nulls on a page shared among members, whose browser fills them in.
 */
export type HeaderMember = { name: string | null; unread: number | null };

export async function SiteHeader({ member }: { member: HeaderMember | null }) {
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
            {member ? (
              <>
                <li>
                  <NotificationBell initialCount={member.unread} />
                </li>
                <li>
                  <Link href="/bookmarks">{t('bookmarks')}</Link>
                </li>
                <li>
                  <MemberNameLink name={member.name} />
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
