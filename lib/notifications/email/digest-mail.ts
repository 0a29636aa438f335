import type { Locale } from '@/i18n/locales';
import { escapeHtml } from '../../mail/escape-html';
import { mailTranslator } from '../../mail/mail-translator';

export type DigestThread = { title: string; groupName: string; newPosts: number; url: string };

/** The body of a daily or weekly summary: the most active threads, busiest first. */
export async function digestMailBody(locale: Locale, frequency: 'daily' | 'weekly', threads: DigestThread[]): Promise<{ subject: string; text: string; html: string }> {
  const t = await mailTranslator(locale, 'digest');
  const line = (thread: DigestThread, escape: (s: string) => string) => t('thread', { title: escape(thread.title), group: escape(thread.groupName) });
  const count = (thread: DigestThread) => t('newPosts', { count: thread.newPosts });
  const text = [t('intro', { frequency }), '', ...threads.map((thread) => `- ${line(thread, (s) => s)} (${count(thread)})\n  ${thread.url}`)].join('\n');
  const html = `<p>${escapeHtml(t('intro', { frequency }))}</p>
<ul>
${threads.map((thread) => `<li><a href="${escapeHtml(thread.url)}">${line(thread, escapeHtml)}</a> (${escapeHtml(count(thread))})</li>`).join('\n')}
</ul>`;
  return { subject: t('subject', { frequency }), text, html };
}
