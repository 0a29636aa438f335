import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { permanentRedirect, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ActionForm';
import { joinGroupAction } from '@/app/actions/groups';
import { setThreadLevelAction } from '@/app/actions/notifications';
import { PostArticle } from '@/components/PostArticle';
import { NotificationLevelForm } from '@/components/NotificationLevelForm';
import { ReplyForm } from '@/components/ReplyForm';
import { SilenceNotice } from '@/components/SilenceNotice';
import { ThreadModeration } from '@/components/ThreadModeration';
import { ThreadSurgery } from '@/components/ThreadSurgery';
import { Pagination } from '@/components/Pagination';
import { requestCtx } from '@/lib/auth/viewer';
import { readableOr404 } from '@/lib/not-found';
import { threadLevelOf } from '@/lib/notifications/notification-levels';
import { canJoinGroup, isClosed, scheduledCloseAt, silencedUntil } from '@/lib/permissions';
import { quoteOf } from '@/lib/posts/quote';
import { firstUnreadPost, getThreadPage } from '@/lib/threads/get-thread-page';
import { getThreadPreview } from '@/lib/threads/get-thread-preview';
import { mergedThreadTarget } from '@/lib/threads/thread-access';
import { listModeratedGroups } from '@/lib/moderation/moderated-groups';
import { threadPostUrl } from '@/lib/threads/urls';
import { idParam as threadId } from '../../route-params';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string; quote?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = threadId((await params).id);
  await forwardIfMerged(id);
  const preview = await readableOr404(getThreadPreview(await requestCtx(), id));
  if (!preview.public) return { title: preview.title, robots: { index: false } };
  const { description, groupName, publishedAt, modifiedAt } = preview.public;
  return {
    title: preview.title,
    description,
    alternates: { canonical: `/t/${id}` },
    openGraph: {
      type: 'article', title: preview.title, description, url: `/t/${id}`, siteName: 'Cercle', section: groupName,
      publishedTime: publishedAt.toISOString(), modifiedTime: modifiedAt.toISOString(),
    },
    twitter: { card: 'summary', title: preview.title, description },
  };
}

/** A merged thread's links (any page of it) lead to the thread it was merged into, for those who may read that one. */
async function forwardIfMerged(id: number) {
  const target = await mergedThreadTarget(await requestCtx(), id);
  if (target) permanentRedirect(`/t/${target}`);
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const ctx = await requestCtx();
  await forwardIfMerged(threadId(id));
  const t = await getTranslations('thread');
  if (!query.page && !query.quote) {
    // Open where the member left off.
    const unread = await readableOr404(firstUnreadPost(ctx, threadId(id)));
    if (unread && unread > 1) redirect(threadPostUrl(threadId(id), unread));
  }
  const view = await readableOr404(getThreadPage(ctx, threadId(id), Number(query.page ?? 1)));
  const { thread, group } = view;
  const closed = isClosed(thread);
  const closesAt = scheduledCloseAt(thread);
  const level = await threadLevelOf(ctx, thread.id, group.id);
  const quote = view.canReply && query.quote ? await quoteOf(ctx, thread.id, Number(query.quote)) : null;
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href="/">{t('allGroups')}</Link> › <Link href={`/g/${group.slug}`}>{group.name}</Link>
      </nav>
      <h1 dir="auto">{thread.title}</h1>
      <p className="badges">
        {thread.pinned || thread.pinnedGlobally ? (
          <span className="badge">{thread.pinnedUntil ? t('pinnedUntil', { date: thread.pinnedUntil }) : t('pinned')}</span>
        ) : null}
        {closed ? <span className="badge">{t('closed')}</span> : null}
        {thread.archived ? <span className="badge">{t('archived')}</span> : null}
        {thread.unlisted ? <span className="badge">{t('unlisted')}</span> : null}
        <span className="meta">{t('replyCount', { count: thread.replyCount })}</span>
      </p>
      {!closed && closesAt ? (
        <p className="meta">
          {thread.closeAfterIdleDays ? t('closesAfterIdle', { days: thread.closeAfterIdleDays, date: closesAt }) : t('closesOn', { date: closesAt })}
        </p>
      ) : null}
      <Pagination page={view.page} pageCount={view.pageCount} href={(p) => `/t/${thread.id}?page=${p}`} messages="thread" />
      <ol className="post-list" aria-label={t('posts')}>
        {view.posts.map((post) => (
          <li key={post.id}>
            <PostArticle threadId={thread.id} post={post} page={view.page} canReply={view.canReply} />
          </li>
        ))}
      </ol>
      <Pagination page={view.page} pageCount={view.pageCount} href={(p) => `/t/${thread.id}?page=${p}`} messages="thread" />
      {level ? <NotificationLevelForm action={setThreadLevelAction} hidden={{ threadId: thread.id }} level={level} scope="thread" /> : null}
      {view.canModerate ? <ThreadModeration thread={{ ...thread, closed, closeScheduled: closesAt !== null }} siteAdmin={ctx.viewer?.isAdmin === true} /> : null}
      {view.canModerate && ctx.viewer ? (
        <ThreadSurgery threadId={thread.id} groups={(await listModeratedGroups({ ...ctx, viewer: ctx.viewer })).filter((g) => g.id !== group.id)} />
      ) : null}
      {view.canReply ? (
        <ReplyForm threadId={thread.id} idempotencyKey={randomUUID()} quote={quote ?? undefined} />
      ) : thread.archived ? (
        <p className="notice">{t('archivedNotice')}</p>
      ) : closed ? (
        <p className="notice">{thread.closedReason ? t('closedNoticeWithReason', { reason: thread.closedReason }) : t('closedNotice')}</p>
      ) : group.silence && silencedUntil(ctx.viewer, group) ? (
        <SilenceNotice silence={group.silence} />
      ) : !ctx.viewer ? (
        <p className="notice">
          <Link href={`/sign-in?callbackUrl=/t/${thread.id}`}>{t('signInToReply')}</Link>
        </p>
      ) : canJoinGroup(ctx.viewer, group) ? (
        <div className="notice">
          <p>{t('joinToReply')}</p>
          <ActionForm action={joinGroupAction} hidden={{ groupSlug: group.slug }} submitLabel={t('join')} pendingLabel={t('joining')} />
        </div>
      ) : (
        <p className="notice">{t('membersOnlyReply')}</p>
      )}
    </>
  );
}
