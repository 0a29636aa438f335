import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { createGroupAction } from '@/app/actions/groups';
import { GroupSettingsForm } from '@/components/GroupSettingsForm';
import { requestCtx } from '@/lib/auth/viewer';
import { canCreateGroup } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('groupSettings'))('newGroup') };
}

export default async function NewGroupPage() {
  const ctx = await requestCtx();
  if (!canCreateGroup(ctx.viewer)) notFound();
  const t = await getTranslations('groupSettings');
  return (
    <>
      <h1>{t('newGroup')}</h1>
      <GroupSettingsForm action={createGroupAction} submitLabel={t('create')} />
    </>
  );
}
