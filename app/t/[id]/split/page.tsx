import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/Pagination';
import { SplitThreadForm } from '@/components/ThreadSurgery';
import { requestCtx } from '@/lib/auth/viewer';
import { listSplitCandidates } from '@/lib/moderation/split-thread';
import { readableOr404 } from '@/lib/not-found';
import { idParam } from '../../../route-params';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surgery'))('splitTitle'), robots: { index: false } };
}

/** For the thread's moderators: choose replies to move into a new thread of their own. */
export default async function SplitThreadPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const ctx = await requestCtx();
  if (!ctx.viewer) redirect(`/sign-in?callbackUrl=/t/${idParam(id)}/split`);
  const t = await getTranslations('surgery');
  const view = await readableOr404(listSplitCandidates(ctx, idParam(id), Number(query.page ?? 1)));
  const { thread } = view;
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={`/t/${thread.id}`} dir="auto">
          {thread.title}
        </Link>
      </nav>
      <h1>{t('splitHeading')}</h1>
      <p>{t('splitIntro')}</p>
      <Pagination page={view.page} pageCount={view.pageCount} href={(p) => `/t/${thread.id}/split?page=${p}`} messages="thread" />
      <SplitThreadForm key={view.page} threadId={thread.id} posts={view.posts} />
    </>
  );
}
