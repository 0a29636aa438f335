import { siteUrl } from '../site-url';
import { escapeHtml } from './escape-html';
import type { Mail } from './enqueue-mail';

type Invitation = { to: string; groupName: string; groupDescription: string; inviterName: string; path: string; expiresAt: Date };

/** The email that carries an invitation link to one address. */
export function invitationMail(i: Invitation): Mail {
  const link = `${siteUrl()}${i.path}`;
  const expires = i.expiresAt.toUTCString();
  const text = [
    `${i.inviterName} invites you to join ${i.groupName} on Cercle.`,
    '',
    i.groupDescription,
    '',
    `Accept the invitation: ${link}`,
    `It works for this address only, until ${expires}.`,
  ].join('\n');
  const html = `<p>${escapeHtml(i.inviterName)} invites you to join <strong>${escapeHtml(i.groupName)}</strong> on Cercle.</p>
<p>${escapeHtml(i.groupDescription)}</p>
<p><a href="${escapeHtml(link)}">Accept the invitation</a></p>
<p>It works for this address only, until ${escapeHtml(expires)}.</p>`;
  return { to: i.to, subject: `Invitation to ${i.groupName}`, text, html };
}
