import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { createGroupAction } from '@/app/actions/groups';
import { GroupSettingsForm } from '@/components/GroupSettingsForm';
import { requestCtx } from '@/lib/auth/viewer';
import { getGroupSettings } from '@/lib/groups/get-group-settings';
import { readableOr404 } from '@/lib/not-found';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('groupSettings'))('newCircle') };
}

export default async function NewCirclePage({ params }: Props) {
  const { slug } = await params;
  const t = await getTranslations('groupSettings');
  const parent = await readableOr404(getGroupSettings(await requestCtx(), slug));
  const initial = { ...parent.settings, name: '', description: '', onePerProfession: false };
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={`/g/${parent.slug}`}>{parent.settings.name}</Link>
      </nav>
      <h1>{t('newCircleIn', { name: parent.settings.name })}</h1>
      <p className="hint">{t('circleHint')}</p>
      <GroupSettingsForm action={createGroupAction} parentSlug={parent.slug} initial={initial} submitLabel={t('create')} />
    </>
  );
}
