import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { DirectoryEntry } from '@/lib/members/list-directory';
import { profileUrl } from '@/lib/members/urls';
import { MemberAvatar } from './MemberAvatar';
import { languageList } from './MemberLanguages';

/** One member in the directory: photo, name (linking to the profile), work, place, languages, and role in the group shown. */
export async function MemberCard({ member }: { member: DirectoryEntry }) {
  const t = await getTranslations('directory');
  const locale = await getLocale();
  const work = [member.profession, member.company].filter(Boolean).join(' · ');
  const place = [member.city, member.country].filter(Boolean).join(', ');
  const headingId = `member-${member.id}-name`;
  return (
    <article className="member-card" aria-labelledby={headingId}>
      <MemberAvatar name={member.name} src={member.avatarUrl} size="small" />
      <div className="member-card-body">
        <h3 id={headingId} className="member-name">
          <Link href={profileUrl(member.id)} dir="auto">
            {member.name}
          </Link>
          {member.role ? <span className="badge">{t('role', { role: member.role })}</span> : null}
        </h3>
        {work ? <p dir="auto">{work}</p> : null}
        {place ? (
          <p className="meta" dir="auto">
            {place}
          </p>
        ) : null}
        {member.languages.length ? <p className="meta">{languageList(member.languages, locale)}</p> : null}
      </div>
    </article>
  );
}
