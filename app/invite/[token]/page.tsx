import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { acceptInvitationAction } from '@/app/actions/groups';
import { ActionForm } from '@/components/ActionForm';
import { getInvitation } from '@/lib/groups/accept-invitation';
import { requestCtx } from '@/lib/auth/viewer';
import { readableOr404 } from '@/lib/not-found';

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The token is a secret: it stays out of titles and, with this, out of referrers.
  return { title: (await getTranslations('invitation'))('title'), referrer: 'no-referrer', robots: { index: false } };
}

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const ctx = await requestCtx();
  const t = await getTranslations('invitation');
  const invitation = await readableOr404(getInvitation(ctx, { token }));
  const { group } = invitation;
  return (
    <>
      <h1>{t('heading', { name: group.name })}</h1>
      <p dir="auto">{group.description}</p>
      {invitation.problem ? (
        <p className="notice" role="alert">
          {invitation.problem}
        </p>
      ) : invitation.alreadyMember ? (
        <p className="notice">
          {t('alreadyMember')} <Link href={`/g/${group.slug}`}>{t('open', { name: group.name })}</Link>
        </p>
      ) : ctx.viewer ? (
        <ActionForm action={acceptInvitationAction} hidden={{ token }} submitLabel={t('accept')} pendingLabel={t('accepting')} className="stack tight" />
      ) : (
        <p className="notice">
          {t('signInFirst')} <Link href={`/sign-in?callbackUrl=/invite/${token}`}>{t('signIn')}</Link> ·{' '}
          <Link href={`/sign-up?callbackUrl=/invite/${token}`}>{t('signUp')}</Link>
        </p>
      )}
    </>
  );
}
