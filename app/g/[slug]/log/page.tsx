import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ModerationLogTable } from '@/components/ModerationLogTable';
import { requestCtx } from '@/lib/auth/viewer';
import { listModerationLog, MODERATION_ACTIONS } from '@/lib/moderation/list-moderation-log';
import { readableOr404 } from '@/lib/not-found';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ action?: string; before?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('moderation'))('logTitle') };
}

export default async function ModerationLogPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const t = await getTranslations('moderation');
  const log = await readableOr404(listModerationLog(await requestCtx(), { groupSlug: slug, ...query }));
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={`/g/${log.group.slug}/manage`}>{log.group.name}</Link>
      </nav>
      <h1>{t('logHeading', { name: log.group.name })}</h1>
      <form method="get" className="footer-form">
        <label htmlFor="log-action">{t('filter')}</label>
        <select id="log-action" name="action" defaultValue={log.action ?? ''}>
          <option value="">{t('allActions')}</option>
          {MODERATION_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`action.${action}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button small">
          {t('apply')}
        </button>
      </form>
      {log.entries.length === 0 ? <p>{t('empty')}</p> : null}
      <ModerationLogTable entries={log.entries} caption={t('logHeading', { name: log.group.name })} />
      {log.nextBefore ? (
        <nav aria-label={t('pagination')} className="pagination">
          <Link href={`/g/${log.group.slug}/log?${new URLSearchParams({ ...(log.action ? { action: log.action } : {}), before: String(log.nextBefore) })}`}>{t('older')}</Link>
        </nav>
      ) : null}
    </>
  );
}
