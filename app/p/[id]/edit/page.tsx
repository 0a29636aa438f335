import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EditPostForm } from '@/components/EditPostForm';
import { ThreadBreadcrumb } from '@/components/ThreadBreadcrumb';
import { requestCtx } from '@/lib/auth/viewer';
import { readableOr404 } from '@/lib/not-found';
import { getPostForEdit } from '@/lib/posts/get-post-for-edit';
import { idParam } from '../../../route-params';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('editForm'))('title') };
}

export default async function EditPostPage({ params }: Props) {
  const { id } = await params;
  const ctx = await requestCtx();
  if (!ctx.viewer) redirect(`/sign-in?callbackUrl=/p/${idParam(id)}/edit`);
  const t = await getTranslations('editForm');
  const { post, thread } = await readableOr404(getPostForEdit(ctx, idParam(id)));
  return (
    <>
      <ThreadBreadcrumb label={t('breadcrumb')} thread={thread} number={post.number} />
      <h1>{t('heading', { number: post.number })}</h1>
      <EditPostForm postId={post.id} threadId={thread.id} body={post.body} language={post.language} />
    </>
  );
}
