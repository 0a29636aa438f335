import type { Db } from '@/db/client';
import { sessionIdOf } from '../auth/session-cookie';
import { viewerOfSession } from '../auth/sessions';
import { readableGroups } from '../members/readable-groups';
import { listModeratedGroups } from '../moderation/moderated-groups';
import type { MemberAudience } from './page-cache';

const idList = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b).join(',');

/**
 * The audience of a next-auth session cookie, read the way the pages read it: the token's
 * session must still be live, and the groups are those the permission module lets its member
 * read, and moderate, right now. Members with the same groups and language share pages (a
 * moderator's carry the tools of the groups they moderate); site admins, who may do anything
 * anywhere, share none.
 */
export async function memberAudience(db: Db, sessionToken: string, secret: string): Promise<MemberAudience | null> {
  const viewer = await viewerOfSession(db, await sessionIdOf(sessionToken, secret));
  if (!viewer || viewer.isAdmin) return null;
  const [readable, moderated] = await Promise.all([readableGroups({ db, viewer }, 'all'), listModeratedGroups({ db, viewer })]);
  return { locale: viewer.locale ?? null, readableGroups: idList(readable.keys()), moderatedGroups: idList(moderated.map((group) => group.id)) };
}
