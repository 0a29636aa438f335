import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import {
  changeRoleAction,
  removeMemberAction,
  reviewJoinRequestAction,
  revokeInvitationAction,
  unbanMemberAction,
} from '@/app/actions/groups';
import { liftSilenceAction, silenceMemberAction } from '@/app/actions/penalties';
import { ActionForm } from '@/components/ActionForm';
import { PenaltyForm } from '@/components/PenaltyForm';
import { InvitationForm } from '@/components/InvitationForm';
import { TimeAgo } from '@/components/TimeAgo';
import { requestCtx } from '@/lib/auth/viewer';
import { listInvitations } from '@/lib/groups/list-invitations';
import { listJoinRequests } from '@/lib/groups/list-join-requests';
import { listRoster } from '@/lib/groups/list-roster';
import { readableOr404 } from '@/lib/not-found';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('manage'))('title') };
}

export default async function ManageGroupPage({ params }: Props) {
  const { slug } = await params;
  const ctx = await requestCtx();
  const t = await getTranslations('manage');
  const tp = await getTranslations('penalty');
  const format = await getFormatter();
  const [{ group, requests }, { invitations }, roster] = await readableOr404(
    Promise.all([listJoinRequests(ctx, slug), listInvitations(ctx, slug), listRoster(ctx, slug)]),
  );
  const hidden = { groupSlug: group.slug };
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={`/g/${group.slug}`}>{group.name}</Link>
      </nav>
      <h1>{t('heading', { name: group.name })}</h1>
      <p className="actions">
        {group.role === 'owner' || ctx.viewer?.isAdmin ? <Link href={`/g/${group.slug}/settings`}>{t('settingsLink')}</Link> : null}
        <Link href={`/g/${group.slug}/flags`}>{t('flagsLink')}</Link>
        <Link href={`/g/${group.slug}/log`}>{t('logLink')}</Link>
      </p>

      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t('requests', { count: requests.length })}</h2>
        {requests.length === 0 ? <p>{t('noRequests')}</p> : null}
        <ul className="card-list">
          {requests.map((r) => (
            <li key={r.id} className="card">
              <p>
                <Link href={`/m/${r.memberId}`}>{r.name}</Link>
                {r.profession ? ` · ${r.profession}` : ''}
                {r.city ? ` · ${r.city}` : ''} · <TimeAgo date={r.createdAt} />
              </p>
              {r.message ? <blockquote dir="auto">{r.message}</blockquote> : null}
              <div className="actions">
                <ActionForm action={reviewJoinRequestAction} hidden={{ requestId: r.id, decision: 'approve' }} submitLabel={t('approve', { name: r.name })} pendingLabel={t('saving')} />
                <ActionForm action={reviewJoinRequestAction} hidden={{ requestId: r.id, decision: 'decline' }} submitLabel={t('decline', { name: r.name })} pendingLabel={t('saving')} buttonClassName="button">
                  <label htmlFor={`response-${r.id}`} className="visually-hidden">
                    {t('declineReason', { name: r.name })}
                  </label>
                  <input id={`response-${r.id}`} name="response" placeholder={t('declineReasonPlaceholder')} maxLength={500} dir="auto" />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('invite')}</h2>
        <InvitationForm groupSlug={group.slug} />
        {invitations.length > 0 ? (
          <table className="thread-table">
            <caption>{t('invitations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitationFor')}</th>
                <th scope="col">{t('invitationUses')}</th>
                <th scope="col">{t('invitationExpires')}</th>
                <th scope="col">{t('invitationState')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => {
                const live = !i.revokedAt && i.expiresAt > new Date() && i.useCount < i.maxUses;
                return (
                  <tr key={i.id}>
                    <td>{i.email ?? t('anyoneWithLink')}</td>
                    <td className="num">
                      {i.useCount} / {i.maxUses}
                    </td>
                    <td>{format.dateTime(i.expiresAt, { dateStyle: 'medium' })}</td>
                    <td>
                      {live ? (
                        <ActionForm action={revokeInvitationAction} hidden={{ invitationId: i.id }} submitLabel={t('revoke')} pendingLabel={t('saving')} buttonClassName="link-button" />
                      ) : (
                        t(i.revokedAt ? 'revoked' : 'ended')
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('membersHeading')}</h2>
        <ul className="card-list">
          {roster.members.map((m) => (
            <li key={m.memberId} className="card roster-row">
              <span>
                <Link href={`/m/${m.memberId}`}>{m.name}</Link> · {t(`role.${m.role}`)}
                {m.profession ? ` · ${m.profession}` : ''}
                {m.silencedUntil ? ` · ${tp('silencedUntil', { date: m.silencedUntil })}` : ''}
              </span>
              <span className="actions">
                {m.canChangeRole ? (
                  <ActionForm action={changeRoleAction} hidden={{ ...hidden, memberId: m.memberId }} submitLabel={t('setRole')} pendingLabel={t('saving')} buttonClassName="button small">
                    <label htmlFor={`role-${m.memberId}`} className="visually-hidden">
                      {t('roleOf', { name: m.name })}
                    </label>
                    <select id={`role-${m.memberId}`} name="role" defaultValue={m.role}>
                      {(['member', 'moderator', 'owner'] as const).map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  </ActionForm>
                ) : null}
                {m.canRemove ? (
                  <ActionForm action={removeMemberAction} hidden={{ ...hidden, memberId: m.memberId }} submitLabel={t('remove', { name: m.name })} pendingLabel={t('saving')} confirm={t('confirmRemove', { name: m.name })} buttonClassName="link-button" />
                ) : null}
                {m.canSilence && m.silencedUntil ? (
                  <ActionForm action={liftSilenceAction} hidden={{ ...hidden, memberId: m.memberId }} submitLabel={tp('liftSilence', { name: m.name })} pendingLabel={t('saving')} buttonClassName="link-button" />
                ) : null}
                {m.canSilence && !m.silencedUntil ? (
                  <PenaltyForm action={silenceMemberAction} hidden={{ ...hidden, memberId: m.memberId }} kind="silence" name={m.name} idPrefix={`silence-${m.memberId}`} />
                ) : null}
                {m.canBan ? (
                  <ActionForm action={removeMemberAction} hidden={{ ...hidden, memberId: m.memberId, ban: 'true' }} submitLabel={t('ban', { name: m.name })} pendingLabel={t('saving')} confirm={t('confirmBan', { name: m.name })} buttonClassName="link-button danger" />
                ) : null}
              </span>
            </li>
          ))}
        </ul>
        {roster.truncated ? <p className="meta">{t('rosterTruncated')}</p> : null}
      </section>

      {roster.bans.length > 0 ? (
        <section aria-labelledby="bans-heading">
          <h2 id="bans-heading">{t('bansHeading')}</h2>
          <ul className="card-list">
            {roster.bans.map((b) => (
              <li key={b.memberId} className="card roster-row">
                <span>
                  {b.name}
                  {b.reason ? ` · ${b.reason}` : ''}
                </span>
                <ActionForm action={unbanMemberAction} hidden={{ ...hidden, memberId: b.memberId }} submitLabel={t('unban', { name: b.name })} pendingLabel={t('saving')} buttonClassName="link-button" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
