import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { joinGroupAction, leaveGroupAction, requestToJoinAction, withdrawJoinRequestAction } from '@/app/actions/groups';
import type { getGroupOverview } from '@/lib/groups/get-group-overview';
import { ActionForm } from './ActionForm';

type Overview = Awaited<ReturnType<typeof getGroupOverview>>;

/** The way in (or out) of a group for this viewer: join, ask, wait, or leave. */
export async function GroupDoor({ overview, signedIn }: { overview: Overview; signedIn: boolean }) {
  const t = await getTranslations('groupDoor');
  const { group, can, request } = overview;
  const hidden = { groupSlug: group.slug };
  if (!signedIn) {
    return <Link href={`/sign-in?callbackUrl=/g/${group.slug}`}>{t('signInToJoin')}</Link>;
  }
  if (overview.banned) return <p className="notice">{t('banned')}</p>;
  if (can.join) return <ActionForm action={joinGroupAction} hidden={hidden} submitLabel={t('join')} pendingLabel={t('joining')} />;
  if (request?.status === 'pending') {
    return (
      <div className="notice">
        <p>{t('pending')}</p>
        <ActionForm action={withdrawJoinRequestAction} hidden={hidden} submitLabel={t('withdraw')} pendingLabel={t('withdrawing')} buttonClassName="link-button" />
      </div>
    );
  }
  if (can.requestToJoin) {
    return (
      <div className="stack tight">
        {request?.status === 'declined' ? <p className="notice">{request.response ? t('declinedWith', { response: request.response }) : t('declined')}</p> : null}
        <ActionForm action={requestToJoinAction} hidden={hidden} submitLabel={t('requestToJoin')} pendingLabel={t('sending')} className="stack tight">
          <label htmlFor="join-message">{t('message')}</label>
          <textarea id="join-message" name="message" rows={2} maxLength={500} dir="auto" />
        </ActionForm>
      </div>
    );
  }
  if (can.inviteOnly) return <p className="notice">{t('inviteOnly')}</p>;
  if (can.leave) {
    return <ActionForm action={leaveGroupAction} hidden={hidden} submitLabel={t('leave')} pendingLabel={t('leaving')} confirm={t('confirmLeave')} buttonClassName="button" />;
  }
  return null;
}
