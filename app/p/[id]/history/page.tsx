import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ThreadBreadcrumb } from '@/components/ThreadBreadcrumb';
import { requestCtx } from '@/lib/auth/viewer';
import { readableOr404 } from '@/lib/not-found';
import { listRevisions } from '@/lib/posts/list-revisions';
import { idParam } from '../../../route-params';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('history'))('title') };
}

export default async function PostHistoryPage({ params }: Props) {
  const { id } = await params;
  const t = await getTranslations('history');
  const format = await getFormatter();
  const { post, thread, revisions } = await readableOr404(listRevisions(await requestCtx(), idParam(id)));
  return (
    <>
      <ThreadBreadcrumb label={t('breadcrumb')} thread={thread} number={post.number} />
      <h1>{t('heading', { number: post.number })}</h1>
      {revisions.length === 0 ? <p>{t('none')}</p> : null}
      <ol className="revision-list">
        {revisions.map((r) => (
          <li key={r.revision}>
            <article className="post" aria-labelledby={`rev-${r.revision}`}>
              <h2 id={`rev-${r.revision}`} className="post-author">
                {r.revision === 1 ? t('original') : t('version', { revision: r.revision })}
              </h2>
              <p className="meta">
                {t('writtenBy', { name: r.writerName, date: format.dateTime(r.writtenAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                {r.reason ? ` · ${t('reason', { reason: r.reason })}` : ''}
              </p>
              <div className="post-body" dir="auto" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
