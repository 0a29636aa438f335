import { and, asc, desc, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { groupBans, groupMembers, members, posts } from '@/db/schema';
import type { SignedInCtx } from '../context';
import { getReadableGroup } from '../groups/group-access';
import { avatarUrl } from '../members/urls';
import { recordId } from '../posts/post-schemas';
import { escapeLike } from '../sql-like';
import { getReadableThread } from '../threads/thread-access';
import { parseInput } from '../validate';

/** As many as a short list under the composer shows without scrolling. */
export const MENTION_SUGGESTIONS = 8;
/** Handles are at most 30 characters, plus `.<id>` after a collision. */
export const MENTION_QUERY_MAX_LENGTH = 40;

export const mentionableMembersSchema = z
  .object({
    threadId: recordId.optional(),
    groupSlug: z.string().trim().min(1, 'Choose a group.').max(100).optional(),
    q: z
      .string({ error: 'Type the start of a name.' })
      .transform((q) => q.trim().replace(/^@/, ''))
      .pipe(
        z
          .string()
          .min(1, 'Type the start of a name.')
          .max(MENTION_QUERY_MAX_LENGTH, `Names are limited to ${MENTION_QUERY_MAX_LENGTH} characters.`),
      ),
  })
  .refine((input) => (input.threadId === undefined) !== (input.groupSlug === undefined), 'Choose a thread or a group.');

export type MentionableMember = { id: number; name: string; handle: string; avatarUrl: string | null };

/**
 * Who the viewer may `@mention` in a thread (or a new thread of a group): members whose handle
 * or name starts with what was typed, and who can read what they would be called to.
 *
 * Everyone reads a public group (in a public parent), so anyone may be suggested, the thread's
 * own writers and then the group's members first. Otherwise each private group on the way up
 * (the group, or a private chapter around a public circle) admits only its members who are not
 * banned: canReadGroup's rule, asked of the candidates instead of the viewer. Site admins read
 * everything but are suggested only where they belong, or a private group's composer would
 * offer every admin of the site. The viewer is never offered to themselves.
 */
export async function mentionableMembers(ctx: SignedInCtx, input: unknown): Promise<MentionableMember[]> {
  const { threadId, groupSlug, q } = parseInput(mentionableMembersSchema, input);
  // Both answer "not found" for what the viewer may not read, so this cannot probe private groups.
  const { thread, group } = threadId !== undefined ? await getReadableThread(ctx, threadId) : { thread: null, group: await getReadableGroup(ctx, { slug: groupSlug! }) };

  const canRead = privateGroupsUp(group).map((groupId) =>
    and(
      sql`exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${groupId} and ${groupMembers.memberId} = ${members.id})`,
      sql`not exists (select 1 from ${groupBans} where ${groupBans.groupId} = ${groupId} and ${groupBans.memberId} = ${members.id})`,
    ),
  );
  // Those already in the conversation first: the thread's writers, then the group's members.
  const preferred = [
    ...(thread ? [sql`exists (select 1 from ${posts} where ${posts.threadId} = ${thread.id} and ${posts.authorId} = ${members.id} and ${posts.deletedAt} is null)`] : []),
    sql`exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${group.id} and ${groupMembers.memberId} = ${members.id})`,
  ];
  const prefix = `${escapeLike(q)}%`;

  const rows = await ctx.db
    .select({ id: members.id, name: members.name, handle: members.handle, avatarUpdatedAt: members.avatarUpdatedAt })
    .from(members)
    .where(
      and(
        ne(members.id, ctx.viewer.id),
        // A suspended member could not read the mention: not offered.
        sql`(${members.suspendedUntil} is null or ${members.suspendedUntil} <= now())`,
        // lower() as the database's own, which derived the handle from the name.
        or(sql`${members.handle} like lower(${prefix})`, sql`${members.name} ilike ${prefix}`),
        ...canRead,
      ),
    )
    .orderBy(...preferred.map((first) => desc(first)), asc(members.name), asc(members.id))
    .limit(MENTION_SUGGESTIONS);
  return rows.map(({ avatarUpdatedAt, ...member }) => ({ ...member, avatarUrl: avatarUrl(member.id, avatarUpdatedAt) }));
}

/** A group and its parents, as getGroupAccess loads them (each parent with its own `parentGroup`). */
type GroupChain = { id: number; visibility: 'public' | 'private'; parentGroup?: GroupChain | null };

/** The ids of the private groups among the group and its parents: each one decides who may read. */
function privateGroupsUp(group: GroupChain): number[] {
  const ids: number[] = [];
  for (let g: GroupChain | null | undefined = group; g; g = g.parentGroup) if (g.visibility === 'private') ids.push(g.id);
  return ids;
}
