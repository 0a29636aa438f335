import { and, asc, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { mailFrom, type MailTransport } from './transport';
import { failureReason } from '../db-errors';

/** Retry after 1, 2, 4 … minutes, at most every 6 hours: a failed message is retried, never dropped. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

/**
 * Sends the messages that are due, a batch at a time. Rows are claimed with SKIP LOCKED, so
 * several workers never send the same message; a row is marked sent only after the SMTP
 * server accepted it, so a crash mid-batch resends at worst, and loses nothing.
 */
export async function deliverPendingMail(
  db: Database,
  transport: MailTransport,
  batchSize = 20,
  /** Only these addresses: test files share one database, and each must send (and fail) only its own messages. */
  onlyTo?: readonly string[],
): Promise<{ sent: number; failed: number }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(mailOutbox)
      .where(and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, sql`now()`), onlyTo ? inArray(mailOutbox.toAddress, [...onlyTo]) : undefined))
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    let sent = 0;
    for (const mail of due) {
      try {
        await transport.sendMail({
          from: mailFrom(),
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
          html: mail.htmlBody,
          headers: mail.headers ?? undefined,
        });
        await tx.update(mailOutbox).set({ sentAt: sql`now()`, attempts: mail.attempts + 1, lastError: null }).where(sql`${mailOutbox.id} = ${mail.id}`);
        sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        await tx
          .update(mailOutbox)
          .set({ attempts, lastError: failureReason(error), nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)) })
          .where(sql`${mailOutbox.id} = ${mail.id}`);
      }
    }
    return { sent, failed: due.length - sent };
  });
}
