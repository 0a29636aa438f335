import { and, eq, isNull } from 'drizzle-orm';
import { members, posts } from '@/db/schema';
import type { Ctx } from '../context';
import { getReadableThread } from '../threads/thread-access';

/**
 * The Markdown that starts a reply quoting post `number` of a thread the viewer can read, or
 * null. A hidden post is never quoted: a reply would show its text to everyone.
 */
export async function quoteOf(ctx: Ctx, threadId: number, number: number): Promise<{ number: number; text: string } | null> {
  if (!Number.isInteger(number) || number < 1) return null;
  const { thread } = await getReadableThread(ctx, threadId);
  const [row] = await ctx.db
    .select({ body: posts.body, authorName: members.name })
    .from(posts)
    .innerJoin(members, eq(members.id, posts.authorId))
    .where(and(eq(posts.threadId, thread.id), eq(posts.number, number), isNull(posts.deletedAt), isNull(posts.hiddenAt)));
  if (!row) return null;
  const quoted = row.body.split('\n').map((line) => `> ${line}`.trimEnd());
  return { number, text: [`> **${row.authorName}** (#${number}):`, '>', ...quoted].join('\n') };
}
