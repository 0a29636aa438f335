import type { Db } from '@/db/client';
import { mailOutbox } from '@/db/schema';

/** `headers` carries extras such as List-Unsubscribe (RFC 8058). */
export type Mail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };

/** Queues an email; call it inside the transaction of the change it reports, so both happen or neither. */
export async function enqueueMail(db: Db, mail: Mail): Promise<void> {
  await db.insert(mailOutbox).values({ toAddress: mail.to, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, headers: mail.headers ?? null });
}
