import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { reviewFlagsAction } from '@/app/actions/moderation';
import { ActionForm } from '@/components/ActionForm';
import { TimeAgo } from '@/components/TimeAgo';
import { requestCtx } from '@/lib/auth/viewer';
import { FLAG_REASONS } from '@/lib/moderation/flag-reasons';
import { listFlagQueue } from '@/lib/moderation/list-flag-queue';
import { PENALTY_DAYS } from '@/lib/moderation/penalty-schemas';
import { REVIEW_DECISIONS } from '@/lib/moderation/review-flags';
import { readableOr404 } from '@/lib/not-found';
import { threadPostUrl } from '@/lib/threads/urls';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('flagQueue'))('title') };
}

/** A group's flag queue: each flagged post with its flags, and the moderator's decision. */
export default async function FlagQueuePage({ params }: Props) {
  const { slug } = await params;
  const t = await getTranslations('flagQueue');
  const tf = await getTranslations('flag');
  const tp = await getTranslations('penalty');
  const queue = await readableOr404(listFlagQueue(await requestCtx(), { groupSlug: slug }));
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={`/g/${queue.group.slug}/manage`}>{queue.group.name}</Link>
      </nav>
      <h1>{t('heading', { name: queue.group.name })}</h1>
      {queue.posts.length === 0 ? <p>{t('empty')}</p> : null}
      <ol className="card-list">
        {queue.posts.map((p) => (
          <li key={p.postId} className="card">
            <article aria-labelledby={`flagged-${p.postId}`}>
              <h2 id={`flagged-${p.postId}`} className="post-author">
                <Link href={threadPostUrl(p.threadId, p.number)} dir="auto">
                  {t('postIn', { number: p.number, title: p.threadTitle })}
                </Link>
              </h2>
              <p className="meta">
                {t('byAuthor', { name: p.authorName })} · <TimeAgo date={p.firstFlaggedAt} />
              </p>
              <p className="badges">
                {p.hidden ? <span className="badge">{t('hidden')}</span> : null}
                {p.deleted ? <span className="badge">{t('deleted')}</span> : null}
                {FLAG_REASONS.filter((reason) => p.reasons[reason]).map((reason) => (
                  <span key={reason} className="badge">
                    {t('reasonCount', { reason: tf(`reason.${reason}`), count: p.reasons[reason]! })}
                  </span>
                ))}
              </p>
              <blockquote dir="auto">{p.excerpt}</blockquote>
              {p.notes.length > 0 ? (
                <ul aria-label={t('notes')}>
                  {p.notes.map((note, i) => (
                    <li key={i} dir="auto">
                      {note}
                    </li>
                  ))}
                </ul>
              ) : null}
              <ActionForm action={reviewFlagsAction} hidden={{ postId: p.postId }} submitLabel={t('apply')} pendingLabel={t('applying')} className="footer-form">
                <label htmlFor={`decision-${p.postId}`}>{t('decision')}</label>
                <select id={`decision-${p.postId}`} name="decision" defaultValue="hide">
                  {REVIEW_DECISIONS.map((decision) => (
                    <option key={decision} value={decision}>
                      {t(`decisions.${decision}`)}
                    </option>
                  ))}
                </select>
                <label htmlFor={`review-reason-${p.postId}`}>{t('reason')}</label>
                <input id={`review-reason-${p.postId}`} name="reason" maxLength={300} dir="auto" />
                <label htmlFor={`review-silence-${p.postId}`}>{t('silenceAuthor')}</label>
                <select id={`review-silence-${p.postId}`} name="silenceDays" defaultValue="">
                  <option value="">{t('noSilence')}</option>
                  {PENALTY_DAYS.map((days) => (
                    <option key={days} value={days}>
                      {tp('dayCount', { days })}
                    </option>
                  ))}
                </select>
              </ActionForm>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
