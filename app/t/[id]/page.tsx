import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { permanentRedirect, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { setThreadLevelAction } from '@/app/actions/notifications';
import { PostArticle } from '@/components/PostArticle';
import { NotificationLevelForm } from '@/components/NotificationLevelForm';
import { ReplyForm } from '@/components/ReplyForm';
import { ReplyNotice } from '@/components/ReplyNotice';
import { ThreadModeration } from '@/components/ThreadModeration';
import { ThreadSurgery } from '@/components/ThreadSurgery';
import { SharedReplyArea } from '@/components/SharedReplyArea';
import { ThreadReadingProvider } from '@/components/ThreadReadingProvider';
import { Pagination } from '@/components/Pagination';
import { requestCtx } from '@/lib/auth/viewer';
import { readableOr404 } from '@/lib/not-found';
import { threadLevelOf } from '@/lib/notifications/notification-levels';
import { isClosed, scheduledCloseAt } from '@/lib/permissions';
import { quoteOf } from '@/lib/posts/quote';
import { firstUnreadPost, getThreadPage } from '@/lib/threads/get-thread-page';
import { getThreadPreview } from '@/lib/threads/get-thread-preview';
import { mergedThreadTarget } from '@/lib/threads/thread-access';
import { listModeratedGroups } from '@/lib/moderation/moderated-groups';
import { threadPostUrl } from '@/lib/threads/urls';
import { replyAreaOf } from '@/lib/threads/reply-area';
import { postActionsOf } from '@/lib/threads/thread-reading';
import { isSharedPage } from '../../shared-page';
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
  // A page shared among members who read the same groups leaves their own part to their browser.
  const shared = ctx.viewer !== null && (await isSharedPage());
  if (!shared && !query.page && !query.quote) {
    // Open where the member left off.
    const unread = await readableOr404(firstUnreadPost(ctx, threadId(id)));
    if (unread && unread > 1) redirect(threadPostUrl(threadId(id), unread));
  }
  // A shared page is recorded as read by each member's browser (ThreadReadingProvider), not by whoever rendered it.
  const view = await readableOr404(getThreadPage(ctx, threadId(id), Number(query.page ?? 1), { recordReading: !shared }));
  const { thread, group } = view;
  const closed = isClosed(thread);
  const closesAt = scheduledCloseAt(thread);
  const level = shared ? null : await threadLevelOf(ctx, thread.id, group.id);
  const quote = view.canReply && query.quote ? await quoteOf(ctx, thread.id, Number(query.quote)) : null;
  // A shared page is the same for every member who reads and moderates the same groups, so its hidden
  // posts read as hidden unless they all moderate this group; an author gets theirs from their browser.
  const posts = shared && !view.canModerate ? view.posts.map((post) => (post.hidden ? { ...post, bodyHtml: null } : post)) : view.posts;
  const area = replyAreaOf(ctx.viewer, group, thread);
  const page = (
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
        {posts.map((post) => (
          <li key={post.id}>
            <PostArticle threadId={thread.id} post={post} page={view.page} actions={shared ? null : postActionsOf(post, view.canReply)} />
          </li>
        ))}
      </ol>
      <Pagination page={view.page} pageCount={view.pageCount} href={(p) => `/t/${thread.id}?page=${p}`} messages="thread" />
      {level ? <NotificationLevelForm action={setThreadLevelAction} hidden={{ threadId: thread.id }} level={level} scope="thread" /> : null}
      {view.canModerate ? <ThreadModeration thread={{ ...thread, closed, closeScheduled: closesAt !== null }} siteAdmin={ctx.viewer?.isAdmin === true} /> : null}
      {view.canModerate && ctx.viewer ? (
        <ThreadSurgery threadId={thread.id} groups={(await listModeratedGroups({ ...ctx, viewer: ctx.viewer })).filter((g) => g.id !== group.id)} />
      ) : null}
      {shared && area !== 'archived' && area !== 'closed' ? (
        <SharedReplyArea
          threadId={thread.id}
          join={<ReplyNotice area="join" thread={thread} group={group} />}
          membersOnly={<ReplyNotice area="membersOnly" thread={thread} group={group} />}
        />
      ) : area === 'form' ? (
        <ReplyForm threadId={thread.id} idempotencyKey={randomUUID()} quote={quote ?? undefined} />
      ) : (
        <ReplyNotice area={area} thread={thread} group={group} />
      )}
    </>
  );
  // Around every thread page, shared or not, so that a refresh after an action keeps the tree (and the forms' state).
  return (
    <ThreadReadingProvider threadId={thread.id} page={view.page} shared={shared} openWhereLeftOff={!query.page}>
      {page}
    </ThreadReadingProvider>
  );
}
