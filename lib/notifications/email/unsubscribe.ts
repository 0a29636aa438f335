import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { members, unsubscribeTokens } from '@/db/schema';
import type { Ctx } from '../../context';
import { InvalidInputError } from '../../errors';
import { siteUrl } from '../../site-url';
import { parseInput } from '../../validate';

export type UnsubscribeScope = (typeof unsubscribeTokens.$inferSelect)['scope'];

/** Old links stop working, so a mailbox leaked years later cannot change anyone's settings. */
export const UNSUBSCRIBE_TOKEN_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

const INVALID = 'This unsubscribe link is not valid.';
const tokenSchema = z.object({ token: z.string({ error: INVALID }).trim().min(20, INVALID).max(100, INVALID) });

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** 256 random bits for one email's unsubscribe link; only the hash is kept, so a database leak unsubscribes nobody. */
export async function issueUnsubscribeToken(tx: Db, memberId: number, scope: UnsubscribeScope): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(unsubscribeTokens).values({ tokenHash: hashToken(token), memberId, scope });
  return token;
}

/**
 * Both addresses of one token: the page a person opens (it asks before acting, because link
 * scanners open every link of a message) and the address mail clients POST to (RFC 8058).
 */
export function unsubscribeLinks(token: string): { page: string; oneClick: string; headers: Record<string, string> } {
  const query = `token=${encodeURIComponent(token)}`;
  const oneClick = `${siteUrl()}/api/unsubscribe?${query}`;
  return {
    page: `${siteUrl()}/unsubscribe?${query}`,
    oneClick,
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** What a token would stop, without changing anything: the confirmation page shows it before the click. */
export async function describeUnsubscribe(ctx: Ctx, input: unknown): Promise<{ scope: UnsubscribeScope; alreadyDone: boolean }> {
  const { token } = parseInput(tokenSchema, input);
  const row = await findToken(ctx.db, token, false);
  return { scope: row.scope, alreadyDone: row.usedAt !== null };
}

/**
 * Turns off what the link's email was about. Needs no sign-in: the token is the proof. The
 * token row is locked, so two clicks (or a mail client's POST and a person's click) apply once.
 */
export async function unsubscribe(ctx: Ctx, input: unknown): Promise<{ scope: UnsubscribeScope; alreadyDone: boolean }> {
  const { token } = parseInput(tokenSchema, input);
  return ctx.db.transaction(async (tx) => {
    const row = await findToken(tx, token, true);
    if (row.usedAt) return { scope: row.scope, alreadyDone: true };
    await tx.update(unsubscribeTokens).set({ usedAt: new Date() }).where(eq(unsubscribeTokens.tokenHash, row.tokenHash));
    await tx
      .update(members)
      .set(row.scope === 'replies' ? { emailReplies: false } : { digest: 'off' })
      .where(eq(members.id, row.memberId));
    return { scope: row.scope, alreadyDone: false };
  });
}

async function findToken(db: Db, token: string, lock: boolean) {
  const query = db.select().from(unsubscribeTokens).where(eq(unsubscribeTokens.tokenHash, hashToken(token))).limit(1);
  const [row] = await (lock ? query.for('update') : query);
  // An expired token is refused like a forged one: nobody learns which links once existed.
  if (!row || row.createdAt.getTime() < Date.now() - UNSUBSCRIBE_TOKEN_DAYS * DAY_MS) throw new InvalidInputError(INVALID);
  return row;
}

/** Tokens past their age answer like forged ones, so they are deleted rather than kept forever. */
export async function purgeOldUnsubscribeTokens(db: Db): Promise<number> {
  const gone = await db
    .delete(unsubscribeTokens)
    .where(sql`${unsubscribeTokens.createdAt} < now() - make_interval(days => ${UNSUBSCRIBE_TOKEN_DAYS})`)
    .returning({ tokenHash: unsubscribeTokens.tokenHash });
  return gone.length;
}
