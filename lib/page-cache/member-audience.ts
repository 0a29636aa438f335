import { decode } from 'next-auth/jwt';
import type { Db } from '@/db/client';
import { viewerOfSession } from '../auth/sessions';
import { readableGroups } from '../members/readable-groups';
import type { MemberAudience } from './page-cache';

/**
 * The audience of a next-auth session cookie, read the way the pages read it: the token's
 * session must still be live, and the groups are those the permission module lets its
 * member read right now. Two members with the same groups and language share pages.
 */
export async function memberAudience(db: Db, sessionToken: string, secret: string): Promise<MemberAudience | null> {
  const token = await decode({ token: sessionToken, secret }).catch(() => null);
  const viewer = await viewerOfSession(db, token?.sid);
  if (!viewer) return null;
  const readable = await readableGroups({ db, viewer }, 'all');
  return { locale: viewer.locale ?? null, readableGroups: [...readable.keys()].sort((a, b) => a - b).join(',') };
}
