import { and, eq } from 'drizzle-orm';
import { posts } from '@/db/schema';
import type { Ctx } from '../context';
import { isPubliclyReadable } from '../permissions';
import { getReadableThread } from './thread-access';

const EXCERPT_LENGTH = 200;

/** Sanitized post HTML as one line of plain text, for descriptions. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a shared link to a thread shows: its title always, and — only when anyone may read
 * the group — a description from the opening post. A private thread never gets one, so
 * its text cannot leak through link previews or search engines, whoever loads the page.
 */
export async function getThreadPreview(ctx: Ctx, threadId: number) {
  const { thread, group } = await getReadableThread(ctx, threadId);
  if (!isPubliclyReadable(group)) return { title: thread.title, public: null };
  const [opening] = await ctx.db
    .select({ bodyHtml: posts.bodyHtml, deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt })
    .from(posts)
    .where(and(eq(posts.threadId, thread.id), eq(posts.number, 1)));
  // A deleted or hidden opening post lends the preview nothing.
  const text = opening && !opening.deletedAt && !opening.hiddenAt ? plainText(opening.bodyHtml) : '';
  const description = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
  return { title: thread.title, public: { description, groupName: group.name, publishedAt: thread.createdAt, modifiedAt: thread.lastPostedAt } };
}
