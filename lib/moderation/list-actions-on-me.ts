import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { groupSilences, moderationLog, posts, threads } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { readableGroups } from '../members/readable-groups';
import { parseInput } from '../validate';
import { logEntries } from './list-moderation-log';

const PAGE = 50;

export const listActionsOnMeSchema = z.object({ before: z.coerce.number().int().positive().optional().catch(undefined) });

/**
 * What moderators did to the viewer's posts and threads, and to the viewer (silences and
 * suspensions), newest first, with the silences in force now. Entries about a
 * post or thread now in a group the viewer cannot read (they left it, or it was moved there)
 * are left out: its titles are not theirs to see any more.
 */
export async function listActionsOnMe(ctx: SignedInCtx, input: unknown) {
  const { before } = parseInput(listActionsOnMeSchema, input);
  const me = ctx.viewer.id;
  const mine = or(
    eq(moderationLog.memberId, me),
    sql`${moderationLog.postId} in (select id from ${posts} where author_id = ${me})`,
    and(isNull(moderationLog.postId), sql`${moderationLog.threadId} in (select id from ${threads} where author_id = ${me})`),
  );
  const rows = await logEntries(ctx.db)
    .where(and(mine, before ? lt(moderationLog.id, before) : undefined))
    .orderBy(desc(moderationLog.id))
    .limit(PAGE + 1);
  const readable = await readableGroups(ctx, rows.flatMap((r) => (r.placeGroupId ? [r.placeGroupId] : [])));
  const entries = rows.slice(0, PAGE).filter((r) => r.placeGroupId === null || readable.has(r.placeGroupId));
  return { entries, nextBefore: rows.length > PAGE ? rows[PAGE - 1]!.id : null, ...(await penaltiesOf(ctx)) };
}

async function penaltiesOf(ctx: SignedInCtx) {
  const silences = await ctx.db
    .select({ groupId: groupSilences.groupId, until: groupSilences.until, reason: groupSilences.reason })
    .from(groupSilences)
    .where(and(eq(groupSilences.memberId, ctx.viewer.id), sql`${groupSilences.until} > now()`));
  const groups = await readableGroups(ctx, silences.map((s) => s.groupId));
  return {
    silences: silences.flatMap((s) => {
      const group = groups.get(s.groupId);
      return group ? [{ ...s, groupSlug: group.slug, groupName: group.name }] : [];
    }),
  };
}
