import type { Locale } from '@/i18n/locales';
import { siteUrl } from '../site-url';
import { escapeHtml } from './escape-html';
import type { Mail } from './enqueue-mail';
import { mailTranslator } from './mail-translator';

type Invitation = { to: string; groupName: string; groupDescription: string; inviterName: string; path: string; expiresAt: Date; locale: Locale };

/** The email that carries an invitation link to one address, in the language of the person receiving it. */
export async function invitationMail(i: Invitation): Promise<Mail> {
  const t = await mailTranslator(i.locale, 'invitation');
  const link = `${siteUrl()}${i.path}`;
  const date = new Intl.DateTimeFormat(i.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(i.expiresAt);
  const values = { inviter: i.inviterName, group: i.groupName, date };
  // Member-written names are escaped before they enter the (trusted) message templates.
  const escaped = { inviter: escapeHtml(i.inviterName), group: escapeHtml(i.groupName), date: escapeHtml(date) };
  const text = [t('intro', values), '', i.groupDescription, '', `${t('accept')}: ${link}`, t('validity', values)].join('\n');
  const html = `<div dir="auto" lang="${i.locale}">
<p>${t('intro', escaped)}</p>
<p>${escapeHtml(i.groupDescription)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(t('accept'))}</a></p>
<p>${t('validity', escaped)}</p>
</div>`;
  return { to: i.to, subject: t('subject', values), text, html };
}
