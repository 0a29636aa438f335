import { getTranslations } from 'next-intl/server';
import {
  archiveThreadAction,
  cancelScheduledCloseAction,
  closeThreadAction,
  pinThreadAction,
  reopenThreadAction,
  unlistThreadAction,
  unpinThreadAction,
} from '@/app/actions/moderation';
import { CLOSE_WHEN } from '@/lib/moderation/close-thread';
import { ActionForm } from './ActionForm';

type Props = {
  thread: { id: number; pinned: boolean; pinnedGlobally: boolean; closed: boolean; archived: boolean; unlisted: boolean; closeScheduled: boolean };
  siteAdmin: boolean;
};

/** The moderators' controls on a thread: pin (until a date, or site-wide for admins), close with a reason, archive, unlist, and their undoing. */
export async function ThreadModeration({ thread, siteAdmin }: Props) {
  const t = await getTranslations('moderation');
  const hidden = { threadId: thread.id };
  return (
    <section aria-labelledby="moderation-heading" className="card moderation-tools">
      <h2 id="moderation-heading">{t('heading')}</h2>
      <div className="actions">
        {thread.pinned || thread.pinnedGlobally ? (
          <ActionForm action={unpinThreadAction} hidden={hidden} submitLabel={t('unpin')} pendingLabel={t('saving')} buttonClassName="button" />
        ) : (
          <ActionForm action={pinThreadAction} hidden={hidden} submitLabel={t('pin')} pendingLabel={t('saving')} buttonClassName="button" className="footer-form">
            <label htmlFor="pin-until">{t('pinUntil')}</label>
            <input id="pin-until" name="until" type="date" />
            {siteAdmin ? (
              <label className="choice">
                <input type="checkbox" name="global" /> {t('pinGlobally')}
              </label>
            ) : null}
          </ActionForm>
        )}
        {thread.closed ? (
          <ActionForm action={reopenThreadAction} hidden={hidden} submitLabel={t('reopen')} pendingLabel={t('saving')} buttonClassName="button" />
        ) : thread.closeScheduled ? (
          <ActionForm action={cancelScheduledCloseAction} hidden={hidden} submitLabel={t('cancelClose')} pendingLabel={t('saving')} buttonClassName="button" />
        ) : (
          <ActionForm action={closeThreadAction} hidden={hidden} submitLabel={t('close')} pendingLabel={t('saving')} buttonClassName="button" className="footer-form">
            <label htmlFor="close-when">{t('closeWhen')}</label>
            <select id="close-when" name="when" defaultValue="now">
              {CLOSE_WHEN.map((when) => {
                const [mode, days] = when.split(':');
                return (
                  <option key={when} value={when}>
                    {mode === 'now' ? t('closeNow') : t(mode === 'in' ? 'closeIn' : 'closeIdle', { days: Number(days) })}
                  </option>
                );
              })}
            </select>
            <label htmlFor="close-reason">{t('closeReason')}</label>
            <input id="close-reason" name="reason" maxLength={300} dir="auto" />
          </ActionForm>
        )}
        <ActionForm action={archiveThreadAction} hidden={{ ...hidden, archived: String(!thread.archived) }} submitLabel={t(thread.archived ? 'unarchive' : 'archive')} pendingLabel={t('saving')} buttonClassName="button" />
        <ActionForm action={unlistThreadAction} hidden={{ ...hidden, unlisted: String(!thread.unlisted) }} submitLabel={t(thread.unlisted ? 'relist' : 'unlist')} pendingLabel={t('saving')} buttonClassName="button" />
      </div>
    </section>
  );
}
