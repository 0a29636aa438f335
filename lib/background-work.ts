import type { Database } from '@/db/client';
import { sendDueBookmarkReminders } from './bookmarks/send-due-reminders';
import { startMailWorker } from './mail/mail-worker';
import { createMailTransport } from './mail/transport';
import { closeDueThreads } from './moderation/close-due-threads';
import { purgeOldUnsubscribeTokens } from './notifications/email/unsubscribe';
import { startNotificationWorker } from './notifications/notification-jobs';
import { sendDigests } from './notifications/email/digest';
import { sendReplyEmails } from './notifications/email/send-reply-emails';
import { startRepeatingTask } from './repeating-task';
import { getSearchEngine } from './search/search-engine';
import { startSearchWorker } from './search/search-worker';

/**
 * Everything the outboxes and schedules ask for: email delivery, search indexing, notification
 * fan-out, scheduled thread closes, bookmark reminders, reply emails and digests. Runs in the web
 * server by default, or in `npm run worker` processes (several may run at once).
 */
export async function startBackgroundWork(db: Database): Promise<() => Promise<void>> {
  const engine = getSearchEngine();
  await engine.prepare();
  const stops = [
    startMailWorker(db, createMailTransport()),
    startSearchWorker(db, engine),
    startNotificationWorker(db),
    // Scheduled closes happen within a minute of their time; replies are refused from the moment itself.
    startRepeatingTask('scheduled close', 60_000, () => closeDueThreads(db)),
    // Bookmark reminders arrive within a minute of the time the member chose.
    startRepeatingTask('bookmark reminders', 60_000, () => sendDueBookmarkReminders(db)),
    // Reply emails wait a few minutes for others to join them (EMAIL_BATCH_MINUTES); digests are due by the day.
    startRepeatingTask('reply emails', 30_000, () => sendReplyEmails(db)),
    startRepeatingTask('digests', 10 * 60_000, () => sendDigests(db)),
    startRepeatingTask('old unsubscribe links', 60 * 60_000, () => purgeOldUnsubscribeTokens(db)),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
