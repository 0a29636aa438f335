import type { Database } from '@/db/client';
import { startRepeatingTask } from '../repeating-task';
import { deliverPendingMail } from './deliver-pending-mail';
import type { MailTransport } from './transport';

/** Drains the mail outbox every few seconds until stopped. */
export function startMailWorker(db: Database, transport: MailTransport, intervalMs = 5_000): () => Promise<void> {
  return startRepeatingTask('mail', intervalMs, () => deliverPendingMail(db, transport));
}
