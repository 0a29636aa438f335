import nodemailer, { type Transporter } from 'nodemailer';

export type MailTransport = Pick<Transporter, 'sendMail'>;

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? 'Cercle <no-reply@cercle.localhost>';
}

/**
 * SMTP when SMTP_URL is set (smtp://user:pass@host:587, smtps://… for TLS). Without it —
 * a laptop running the demo — messages are written to the server log instead of sent.
 */
export function createMailTransport(): MailTransport {
  const url = process.env.SMTP_URL;
  if (url) return nodemailer.createTransport(url);
  const log = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    sendMail: async (message: nodemailer.SendMailOptions) => {
      const info = await log.sendMail(message);
      console.log(`[mail] SMTP_URL is not set; this message was not sent:\n${String(info.message)}`);
      return info;
    },
  } as MailTransport;
}
