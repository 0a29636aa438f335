import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { updateGroupAction } from '@/app/actions/groups';
import { GroupSettingsForm } from '@/components/GroupSettingsForm';
import { requestCtx } from '@/lib/auth/viewer';
import { getGroupSettings } from '@/lib/groups/get-group-settings';
import { readableOr404 } from '@/lib/not-found';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('groupSettings'))('title') };
}

export default async function GroupSettingsPage({ params }: Props) {
  const { slug } = await params;
  const t = await getTranslations('groupSettings');
  const group = await readableOr404(getGroupSettings(await requestCtx(), slug));
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={`/g/${group.slug}`}>{group.settings.name}</Link>
      </nav>
      <h1>{t('heading', { name: group.settings.name })}</h1>
      {group.parentIsPrivate ? <p className="notice">{t('inheritsPrivacy')}</p> : null}
      <GroupSettingsForm action={updateGroupAction} groupSlug={group.slug} initial={group.settings} submitLabel={t('save')} />
      {group.canCreateCircle ? (
        <p>
          <Link href={`/g/${group.slug}/circles/new`}>{t('newCircle')}</Link>
        </p>
      ) : null}
    </>
  );
}
