import type { Locale } from '@/i18n/locales';
import { escapeHtml } from '../../mail/escape-html';
import { mailTranslator } from '../../mail/mail-translator';
import { markdownToText } from '../../search/plain-text';

export type ReplyMailItem = { kind: 'mention' | 'reply'; actorName: string | null; threadTitle: string; body: string; url: string };

/** A taste of the post, enough to decide whether to open it; the post itself stays on the site. */
export const EXCERPT_CHARS = 300;

export function excerpt(markdown: string, max = EXCERPT_CHARS): string {
  const text = markdownToText(markdown);
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The body of one email about one or several mentions and replies, in the recipient's language. */
export async function replyMailBody(locale: Locale, items: ReplyMailItem[]): Promise<{ subject: string; text: string; html: string }> {
  const t = await mailTranslator(locale, 'replies');
  const about = (item: ReplyMailItem, escape: (s: string) => string) =>
    t('about', { kind: item.kind, actor: escape(item.actorName ?? t('someone')), title: escape(item.threadTitle) });
  const same = (s: string) => s;
  const subject = items.length === 1 ? about(items[0]!, same) : t('subjectMany', { count: items.length });
  const text = items.map((item) => [about(item, same), `> ${excerpt(item.body)}`, `${t('open')}: ${item.url}`].join('\n')).join('\n\n');
  const html = items
    .map(
      (item) => `<p><strong>${about(item, escapeHtml)}</strong></p>
<blockquote dir="auto">${escapeHtml(excerpt(item.body))}</blockquote>
<p><a href="${escapeHtml(item.url)}">${escapeHtml(t('open'))}</a></p>`,
    )
    .join('\n');
  return { subject, text, html };
}
