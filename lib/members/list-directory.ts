import { and, arrayContains, asc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { groupMembers, members } from '@/db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { getGroupAccess } from '../groups/group-access';
import { canSeeMembers, type GroupRole } from '../permissions';
import { escapeLike } from '../sql-like';
import { parseInput } from '../validate';
import { DIRECTORY_PAGE_SIZE, PLACE_MAX_LENGTH, PROFESSION_MAX_LENGTH } from './profile-rules';
import { languageCode } from './profile-schemas';
import { type ListedMember, listedMemberColumns } from './profile-columns';
import { avatarUrl } from './urls';

export type DirectoryEntry = ListedMember & {
  /** The member's role in the group filtered on; null without a group filter. */
  role: GroupRole | null;
};

/** An empty filter (as a GET form sends for a field left blank) is no filter. */
const filterText = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} is limited to ${max} characters.`)
    .transform((s) => s || undefined)
    .optional();

export const listDirectorySchema = z.object({
  profession: filterText(PROFESSION_MAX_LENGTH, 'Profession'),
  city: filterText(PLACE_MAX_LENGTH, 'City'),
  language: z.preprocess((value) => (value === '' ? undefined : value), languageCode.optional()),
  group: filterText(100, 'Group'),
  /** Where the previous page ended, from its nextCursor. */
  after: z.string().max(1000).optional(),
});

export type DirectoryFilters = z.input<typeof listDirectorySchema>;

/** Position in the list (name, then id), passed between pages instead of an OFFSET. */
const cursorSchema = z.tuple([z.string(), z.number().int().positive()]);

export function encodeCursor(entry: { name: string; id: number }): string {
  return Buffer.from(JSON.stringify([entry.name, entry.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { name: string; id: number } | null {
  if (!cursor) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { name: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/**
 * The member directory: everyone, or the members of one group, filtered by profession
 * (case-insensitive, whole or beginning: "account" finds "Accountant"), city
 * (case-insensitive), and language. A group's list is shown only to those who may see its
 * members (canSeeMembers); to anyone else the group does not exist. Sorted by name then id
 * and keyset-paged on that pair, so page 100 costs what page 1 does. An unreadable cursor
 * starts from the first page, as an old bookmark should.
 */
export async function listDirectory(ctx: Ctx, input: unknown) {
  const filters = parseInput(listDirectorySchema, input);
  const group = filters.group ? await getGroupAccess(ctx, { slug: filters.group }) : null;
  if (group && !canSeeMembers(ctx.viewer, group)) throw new NotFoundError('No such group.');
  const cursor = decodeCursor(filters.after);

  const conditions: (SQL | undefined)[] = [
    filters.profession ? sql`lower(${members.profession}) like lower(${`${escapeLike(filters.profession)}%`})` : undefined,
    filters.city ? sql`lower(${members.city}) = lower(${filters.city})` : undefined,
    filters.language ? arrayContains(members.languages, [filters.language]) : undefined,
    // A row comparison, ordered exactly as the ORDER BY below (same collation on name).
    cursor ? sql`(${members.name}, ${members.id}) > (${cursor.name}, ${cursor.id})` : undefined,
  ];
  const rows = group
    ? await ctx.db
        .select({ ...listedMemberColumns, role: groupMembers.role })
        .from(members)
        .innerJoin(groupMembers, and(eq(groupMembers.memberId, members.id), eq(groupMembers.groupId, group.id)))
        .where(and(...conditions))
        .orderBy(asc(members.name), asc(members.id))
        .limit(DIRECTORY_PAGE_SIZE + 1)
    : await ctx.db
        .select({ ...listedMemberColumns, role: sql<GroupRole | null>`null` })
        .from(members)
        .where(and(...conditions))
        .orderBy(asc(members.name), asc(members.id))
        .limit(DIRECTORY_PAGE_SIZE + 1);

  const page = rows.slice(0, DIRECTORY_PAGE_SIZE);
  const entries: DirectoryEntry[] = page.map(({ avatarUpdatedAt, ...row }) => ({
    ...row,
    hasAvatar: avatarUpdatedAt !== null,
    avatarUrl: avatarUrl(row.id, avatarUpdatedAt),
  }));
  const last = page.at(-1);
  return {
    group: group ? { slug: group.slug, name: group.name } : null,
    filters: { profession: filters.profession ?? '', city: filters.city ?? '', language: filters.language ?? '' },
    members: entries,
    nextCursor: rows.length > DIRECTORY_PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}
