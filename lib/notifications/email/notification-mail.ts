import { directionOf, type Locale } from '@/i18n/locales';
import type { Mail } from '../../mail/enqueue-mail';
import { escapeHtml } from '../../mail/escape-html';
import { mailTranslator } from '../../mail/mail-translator';
import { siteUrl } from '../../site-url';
import { unsubscribeLinks, type UnsubscribeScope } from './unsubscribe';

export const EMAIL_SETTINGS_PATH = '/settings/notifications';

type Body = { to: string; locale: Locale; subject: string; text: string; html: string };

/**
 * Wraps a notification email's body with the footer every such email carries: why it came,
 * the one link that stops it, the settings page, and the List-Unsubscribe headers that let
 * mail clients offer their own button.
 */
export async function withUnsubscribe(body: Body, scope: UnsubscribeScope, token: string): Promise<Mail> {
  const t = await mailTranslator(body.locale, 'footer');
  const links = unsubscribeLinks(token);
  const settings = `${siteUrl()}${EMAIL_SETTINGS_PATH}`;
  const why = t(scope === 'replies' ? 'whyReplies' : 'whyDigest');
  const stop = t(scope === 'replies' ? 'stopReplies' : 'stopDigest');
  const text = [body.text, '', '-- ', why, `${stop}: ${links.page}`, `${t('settings')}: ${settings}`].join('\n');
  const html = `<div dir="${directionOf(body.locale)}" lang="${body.locale}">
${body.html}
<hr>
<p><small>${escapeHtml(why)}<br>
<a href="${escapeHtml(links.page)}">${escapeHtml(stop)}</a> · <a href="${escapeHtml(settings)}">${escapeHtml(t('settings'))}</a></small></p>
</div>`;
  return { to: body.to, subject: body.subject, text, html, headers: links.headers };
}
