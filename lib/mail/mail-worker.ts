import type { Database } from '@/db/client';
import { deliverPendingMail } from './deliver-pending-mail';
import type { MailTransport } from './transport';

/** Drains the outbox every few seconds until stopped; one slow or failing pass never stops the next. */
export function startMailWorker(db: Database, transport: MailTransport, intervalMs = 5_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => deliverPendingMail(db, transport)).catch((error: unknown) => console.error('[mail] delivery pass failed', error));
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
