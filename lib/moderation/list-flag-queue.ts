import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { getReadableGroup } from '../groups/group-access';
import { canModerateGroup } from '../permissions';
import { markdownToText } from '../search/plain-text';
import { parseInput } from '../validate';
import type { FlagReason } from './flag-reasons';

const QUEUE_SIZE = 100;
const EXCERPT_LENGTH = 400;

export const listFlagQueueSchema = z.object({ groupSlug: z.string().min(1).max(100) });

export type FlaggedPost = {
  postId: number;
  number: number;
  threadId: number;
  threadTitle: string;
  authorId: number;
  authorName: string;
  excerpt: string;
  hidden: boolean;
  deleted: boolean;
  flags: number;
  reasons: Partial<Record<FlagReason, number>>;
  notes: string[];
  firstFlaggedAt: Date;
};

/** The posts of a group with flags waiting for review, most flagged first, for its moderators only. */
export async function listFlagQueue(ctx: Ctx, input: unknown): Promise<{ group: { slug: string; name: string }; posts: FlaggedPost[] }> {
  const { groupSlug } = parseInput(listFlagQueueSchema, input);
  const group = await getReadableGroup(ctx, { slug: groupSlug });
  if (!canModerateGroup(ctx.viewer, group)) throw new NotFoundError('No such group.');
  const rows = await ctx.db.execute<{
    post_id: number; number: number; thread_id: number; title: string; author_id: number; author_name: string; body: string;
    hidden: boolean; deleted: boolean; flags: number; reasons: Record<string, number>; notes: string[] | null; first_at: Date;
  }>(sql`
    select p.id as post_id, p.number, t.id as thread_id, t.title, a.id as author_id, a.name as author_name, p.body,
           p.hidden_at is not null as hidden, p.deleted_at is not null as deleted, count(*)::int as flags,
           (select jsonb_object_agg(reason, n) from (select reason, count(*)::int as n from post_flags g
             where g.post_id = p.id and g.resolved_at is null group by reason) r) as reasons,
           array_agg(f.note order by f.created_at) filter (where f.note is not null) as notes, min(f.created_at) as first_at
    from post_flags f
    join posts p on p.id = f.post_id
    join threads t on t.id = p.thread_id
    join members a on a.id = p.author_id
    where f.resolved_at is null and t.group_id = ${group.id}
    group by p.id, t.id, a.id
    order by count(*) desc, min(f.created_at)
    limit ${QUEUE_SIZE}`);
  return {
    group: { slug: group.slug, name: group.name },
    posts: rows.map((row) => ({
      postId: row.post_id,
      number: row.number,
      threadId: row.thread_id,
      threadTitle: row.title,
      authorId: row.author_id,
      authorName: row.author_name,
      excerpt: markdownToText(row.body).slice(0, EXCERPT_LENGTH),
      hidden: row.hidden,
      deleted: row.deleted,
      flags: row.flags,
      reasons: row.reasons,
      notes: row.notes ?? [],
      firstFlaggedAt: new Date(row.first_at),
    })),
  };
}
