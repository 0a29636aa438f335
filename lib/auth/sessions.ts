import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import { members, memberSessions } from '@/db/schema';
import type { Viewer } from '../context';
import { SESSION_MAX_AGE_SECONDS } from '../rules';

export async function openSession(db: Db, memberId: number): Promise<string> {
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  const [row] = await db.insert(memberSessions).values({ memberId, expiresAt }).returning({ id: memberSessions.id });
  return row!.id;
}

/** Ends a session for good: a copy of its token stops working too. */
export async function closeSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(memberSessions).where(eq(memberSessions.id, sessionId));
}

const notSuspended = or(isNull(members.suspendedUntil), lte(members.suspendedUntil, sql`now()`));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const viewerQuery = preparedQuery((db) =>
  db
    .select({ id: members.id, name: members.name, isAdmin: members.isAdmin, locale: members.locale })
    .from(memberSessions)
    .innerJoin(members, eq(members.id, memberSessions.memberId))
    .where(and(eq(memberSessions.id, sql.placeholder('sessionId')), gt(memberSessions.expiresAt, sql`now()`), notSuspended))
    .prepare('viewer_of_session'),
);

/** The member behind a live session, or null when it was closed, expired or never existed. Every signed-in request asks. */
export async function viewerOfSession(db: Db, sessionId: string | undefined): Promise<Viewer | null> {
  if (!sessionId || !UUID.test(sessionId)) return null;
  const [row] = await viewerQuery(db).execute({ sessionId });
  return row ?? null;
}
