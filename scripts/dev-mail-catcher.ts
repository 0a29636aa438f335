import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestSmtpServer, type TestSmtpServer } from '../lib/mail/test-smtp-server';

/**
 * `npm run dev` without SMTP_URL: a real SMTP server on this machine receives every email, so
 * development goes through the same nodemailer path as production; each message is kept as an
 * .eml file (any mail client opens it) and announced in the log.
 */
export async function startDevMailCatcher(dir: string): Promise<TestSmtpServer> {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  return startTestSmtpServer(undefined, (mail) => {
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}.eml`);
    writeFileSync(file, mail.raw, 'latin1');
    console.log(`[mail] caught "${mail.subject}" for ${mail.to.join(', ')} → ${file}`);
  });
}
