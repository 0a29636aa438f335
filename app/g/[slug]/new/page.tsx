import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ThreadForm } from '@/components/ThreadForm';
import { requestCtx } from '@/lib/auth/viewer';
import { getReadableGroup } from '@/lib/groups/group-access';
import { readableOr404 } from '@/lib/not-found';
import { canStartThread } from '@/lib/permissions';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('threadForm'))('heading') };
}

export default async function NewThreadPage({ params }: Props) {
  const { slug } = await params;
  const ctx = await requestCtx();
  if (!ctx.viewer) redirect(`/sign-in?callbackUrl=/g/${encodeURIComponent(slug)}/new`);
  const group = await readableOr404(getReadableGroup(ctx, { slug }));
  if (!canStartThread(ctx.viewer, group)) notFound();
  const t = await getTranslations('threadForm');
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={`/g/${group.slug}`}>{group.name}</Link>
      </nav>
      <h1>{t('heading')}</h1>
      <ThreadForm groupSlug={group.slug} idempotencyKey={randomUUID()} />
    </>
  );
}
