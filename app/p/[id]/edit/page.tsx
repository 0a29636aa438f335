import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EditPostForm } from '@/components/EditPostForm';
import { requestCtx } from '@/lib/auth/viewer';
import { readableOr404 } from '@/lib/not-found';
import { getPostForEdit } from '@/lib/posts/get-post-for-edit';
import { threadPostUrl } from '@/lib/threads/urls';
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
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={threadPostUrl(thread.id, post.number)} dir="auto">
          {thread.title}
        </Link>
      </nav>
      <h1>{t('heading', { number: post.number })}</h1>
      <EditPostForm postId={post.id} body={post.body} language={post.language} />
    </>
  );
}
