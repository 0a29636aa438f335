import { decode } from 'next-auth/jwt';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { groupMembers } from '@/db/schema';
import { viewerOfSession } from '../auth/sessions';
import { readableGroups } from '../members/readable-groups';
import type { MemberAudience } from './page-cache';

/**
 * The audience of a next-auth session cookie, read the way the pages read it: the token's
 * session must still be live, and the groups are those the permission module lets its
 * member read right now. Two members with the same groups and language share pages; site
 * admins and group moderators share none.
 */
export async function memberAudience(db: Db, sessionToken: string, secret: string): Promise<MemberAudience | null> {
  const token = await decode({ token: sessionToken, secret }).catch(() => null);
  const viewer = await viewerOfSession(db, token?.sid);
  // Moderators' pages carry their tools and the posts hidden from everyone else: theirs alone.
  if (!viewer || viewer.isAdmin || (await moderatesAnyGroup(db, viewer.id))) return null;
  const readable = await readableGroups({ db, viewer }, 'all');
  return { locale: viewer.locale ?? null, readableGroups: [...readable.keys()].sort((a, b) => a - b).join(',') };
}

async function moderatesAnyGroup(db: Db, memberId: number): Promise<boolean> {
  const [row] = await db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.memberId, memberId), inArray(groupMembers.role, ['owner', 'moderator'])))
    .limit(1);
  return row !== undefined;
}
