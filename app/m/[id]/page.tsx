import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { liftSuspensionAction, suspendMemberAction } from '@/app/actions/penalties';
import { ActionForm } from '@/components/ActionForm';
import { FollowMemberForm } from '@/components/FollowMemberForm';
import { MemberAvatar } from '@/components/MemberAvatar';
import { PenaltyForm } from '@/components/PenaltyForm';
import { languageList } from '@/components/MemberLanguages';
import { TimeAgo } from '@/components/TimeAgo';
import { requestCtx } from '@/lib/auth/viewer';
import { getProfile } from '@/lib/members/get-profile';
import { suspensionOf } from '@/lib/moderation/member-suspension';
import { readableOr404 } from '@/lib/not-found';
import { followingOf } from '@/lib/notifications/follow-member';
import { threadPostUrl } from '@/lib/threads/urls';
import { idParam } from '../../route-params';

type Props = { params: Promise<{ id: string }> };

/** One read per request, shared by the title and the page. */
const loadProfile = cache(async (id: string) => readableOr404(getProfile(await requestCtx(), idParam(id))));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { member } = await loadProfile((await params).id);
  return { title: member.name };
}

export default async function MemberProfilePage({ params }: Props) {
  const { member, groups, recentPosts, isSelf } = await loadProfile((await params).id);
  const ctx = await requestCtx();
  const [suspension, following] = await Promise.all([suspensionOf(ctx, member.id), followingOf(ctx, member.id)]);
  const t = await getTranslations('profile');
  const tp = await getTranslations('penalty');
  const locale = await getLocale();
  const details = [
    { label: t('profession'), value: member.profession },
    { label: t('company'), value: member.company },
    { label: t('city'), value: member.city },
    { label: t('country'), value: member.country },
  ].filter((d) => d.value);
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href="/members">{t('directory')}</Link>
      </nav>
      <div className="profile-head">
        <MemberAvatar name={member.name} src={member.avatarUrl} size="large" alt={t('avatarAlt', { name: member.name })} />
        <div>
          <h1 dir="auto">{member.name}</h1>
          <p className="meta" dir="auto">
            @{member.handle}
          </p>
          {member.profession ? (
            <p className="lead" dir="auto">
              {member.profession}
            </p>
          ) : null}
          {isSelf ? (
            <p className="actions">
              <Link href="/settings/profile">{t('edit')}</Link>
              <Link href="/settings/moderation">{tp('myModerationLink')}</Link>
            </p>
          ) : null}
          {following ? <FollowMemberForm memberId={member.id} name={member.name} following={following.following} includePosts={following.includePosts} /> : null}
          {suspension?.current ? (
            <div className="actions">
              <p>{tp('suspendedUntil', { date: suspension.current.until, reason: suspension.current.reason })}</p>
              <ActionForm action={liftSuspensionAction} hidden={{ memberId: member.id }} submitLabel={tp('liftSuspension')} pendingLabel={tp('saving')} buttonClassName="button small" />
            </div>
          ) : null}
          {suspension && !suspension.current ? (
            <PenaltyForm action={suspendMemberAction} hidden={{ memberId: member.id }} kind="suspend" name={member.name} idPrefix="suspend" />
          ) : null}
        </div>
      </div>

      {details.length || member.languages.length || member.website ? (
        <section aria-labelledby="profile-details">
          <h2 id="profile-details" className="visually-hidden">
            {t('details')}
          </h2>
          <dl className="profile-details">
            {details.map((d) => (
              <div key={d.label}>
                <dt>{d.label}</dt>
                <dd dir="auto">{d.value}</dd>
              </div>
            ))}
            {member.languages.length ? (
              <div>
                <dt>{t('languages')}</dt>
                <dd>{languageList(member.languages, locale)}</dd>
              </div>
            ) : null}
            {member.website ? (
              <div>
                <dt>{t('website')}</dt>
                <dd>
                  <a href={member.website} rel="nofollow ugc noopener noreferrer" dir="ltr">
                    {member.website}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}

      {member.bio ? (
        <section aria-labelledby="profile-about">
          <h2 id="profile-about">{t('about')}</h2>
          <p className="profile-bio" dir="auto">
            {member.bio}
          </p>
        </section>
      ) : null}

      {member.socialLinks.length ? (
        <section aria-labelledby="profile-links">
          <h2 id="profile-links">{t('links')}</h2>
          <ul className="profile-links">
            {member.socialLinks.map((url) => (
              <li key={url}>
                <a href={url} rel="nofollow ugc noopener noreferrer me" dir="ltr">
                  {url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="profile-groups">
        <h2 id="profile-groups">{t('groups')}</h2>
        {groups.length ? (
          <ul className="profile-groups">
            {groups.map((group) => (
              <li key={group.slug}>
                <Link href={`/g/${group.slug}`} dir="auto">
                  {group.name}
                </Link>{' '}
                <span className="badge">{t('role', { role: group.role })}</span>
                {group.visibility === 'private' ? <span className="badge">{t('private')}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('noGroups')}</p>
        )}
      </section>

      <section aria-labelledby="profile-posts">
        <h2 id="profile-posts">{t('recentPosts')}</h2>
        {recentPosts.length ? (
          <ol className="profile-posts">
            {recentPosts.map((post) => (
              <li key={post.postId}>
                <Link href={threadPostUrl(post.threadId, post.number)} className="thread-title" dir="auto">
                  {t('postLink', { title: post.threadTitle, number: post.number })}
                </Link>
                <p className="meta">
                  <span dir="auto">{t('postIn', { group: post.groupName })}</span> · <TimeAgo date={post.createdAt} />
                </p>
                {post.excerpt ? <p dir="auto">{post.excerpt}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('noPosts')}</p>
        )}
      </section>
    </>
  );
}
