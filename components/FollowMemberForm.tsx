'use client';

import { useTranslations } from 'next-intl';
import { followMemberAction, unfollowMemberAction } from '@/app/actions/notifications';
import { ActionForm } from './ActionForm';

/** Follow a member (their new threads, optionally their replies), or stop following. */
export function FollowMemberForm({ memberId, name, following, includePosts }: { memberId: number; name: string; following: boolean; includePosts: boolean }) {
  const t = useTranslations('follow');
  return (
    <div className="actions">
      <ActionForm action={followMemberAction} hidden={{ memberId }} submitLabel={following ? t('update') : t('follow', { name })} pendingLabel={t('saving')} buttonClassName="button small">
        <label className="choice">
          <input type="checkbox" name="includePosts" defaultChecked={includePosts} /> {t('includePosts')}
        </label>
      </ActionForm>
      {following ? <ActionForm action={unfollowMemberAction} hidden={{ memberId }} submitLabel={t('unfollow', { name })} pendingLabel={t('saving')} buttonClassName="link-button" /> : null}
    </div>
  );
}
