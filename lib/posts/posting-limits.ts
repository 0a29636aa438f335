import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { members, posts, threads } from '@/db/schema';
import type { Viewer } from '../context';
import { ConflictError, ForbiddenError, InvalidInputError, RateLimitedError } from '../errors';
import type { GroupWithAccess } from '../groups/group-access';
import { canModerateGroup, silencedUntil } from '../permissions';
import { assertUnderLimit, recordHit, withWait } from '../rate-limit';
import { DEFAULT_POSTING_LIMITS } from '../rules';

export type PostingLimits = typeof DEFAULT_POSTING_LIMITS;

/** CERCLE_LIMITS: a JSON object overriding some of DEFAULT_POSTING_LIMITS, e.g. `{"newMemberLinks":5}`. */
export const postingLimitsOverride = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
      return z.NEVER;
    }
  })
  .pipe(z.strictObject(Object.fromEntries(Object.keys(DEFAULT_POSTING_LIMITS).map((key) => [key, z.number().int().min(0).optional()]))));

let cached: { raw: string | undefined; limits: PostingLimits } | null = null;

/** The limits in force: the defaults, with CERCLE_LIMITS on top (read each time, so a test can change it). */
export function postingLimits(): PostingLimits {
  const raw = process.env.CERCLE_LIMITS;
  if (cached && cached.raw === raw) return cached.limits;
  const limits = { ...DEFAULT_POSTING_LIMITS, ...(raw ? postingLimitsOverride.parse(raw) : {}) };
  cached = { raw, limits };
  return limits;
}

type Draft = { kind: 'thread' | 'reply' | 'edit'; bodyHtml: string; body: string };

/**
 * Whether `author` may write `draft` in `group` now, by pace and content (callers have already
 * asked assertNotSilenced and the permission module); throws the reason if not. Call it inside the
 * writing transaction: it locks the author's row (FOR NO KEY UPDATE, so rows that merely refer to
 * the member are not held up), and two posts sent at once from two processes are counted one
 * after the other.
 */
export async function assertMayPost(tx: Db, author: Viewer, group: GroupWithAccess, draft: Draft): Promise<void> {
  if (canModerateGroup(author, group)) return;
  const limits = postingLimits();
  if (draft.kind === 'reply' && !repliesAreCounted(author, group)) return;
  const history = await postingHistory(tx, author.id, limits);
  const newMember = history.joinedAt.getTime() > Date.now() - limits.newMemberDays * 86_400_000 || history.standingPosts < limits.newMemberPosts;
  if (newMember) assertNewMemberContent(draft.bodyHtml, limits);
  if (draft.kind === 'edit') return assertEditAllowance(tx, author.id, limits);
  await assertNotDuplicate(tx, author.id, draft.body, limits);
  assertPace(draft.kind, history, newMember, limits);
}

/**
 * Whether any limit in force applies to this author's replies in this group. Moderators have
 * none, and a site that lifts them all (CERCLE_LIMITS) has nothing to count, so those replies
 * neither queue on their author's row nor need a transaction of their own.
 */
export function repliesAreCounted(author: Viewer, group: GroupWithAccess): boolean {
  if (canModerateGroup(author, group)) return false;
  const limits = postingLimits();
  return limits.postIntervalSeconds > 0 || limits.duplicateWindowMinutes > 0 || limits.newMemberDays > 0 || limits.newMemberPosts > 0;
}

/** Checked before "may this member post here at all", so a silenced member is told why rather than to join. */
export function assertNotSilenced(author: Viewer, group: GroupWithAccess): void {
  const until = silencedUntil(author, group);
  if (until) throw new ForbiddenError(`A moderator has silenced you in this group until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC: you can read it, but not post.`);
}

async function postingHistory(tx: Db, authorId: number, limits: PostingLimits) {
  const [me] = await tx.select({ joinedAt: members.createdAt }).from(members).where(eq(members.id, authorId)).for('no key update');
  const dayAgo = sql`now() - interval '1 day'`;
  const [row] = await tx
    .select({
      lastPostAt: sql<string | null>`(select max(created_at) from ${posts} where author_id = ${authorId})`,
      lastThreadAt: sql<string | null>`(select max(created_at) from ${threads} where author_id = ${authorId})`,
      repliesToday: sql<number>`(select count(*)::int from ${posts} where author_id = ${authorId} and number > 1 and created_at > ${dayAgo})`,
      threadsToday: sql<number>`(select count(*)::int from ${threads} where author_id = ${authorId} and created_at > ${dayAgo})`,
      standingPosts: sql<number>`(select count(*)::int from (select 1 from ${posts} where author_id = ${authorId} and deleted_at is null and hidden_at is null limit ${limits.newMemberPosts}) p)`,
    })
    .from(sql`(select 1) one`);
  return {
    joinedAt: me!.joinedAt,
    lastPostAt: row!.lastPostAt ? new Date(row!.lastPostAt) : null,
    lastThreadAt: row!.lastThreadAt ? new Date(row!.lastThreadAt) : null,
    repliesToday: row!.repliesToday,
    threadsToday: row!.threadsToday,
    standingPosts: row!.standingPosts,
  };
}

type History = Awaited<ReturnType<typeof postingHistory>>;

function assertPace(kind: 'thread' | 'reply', history: History, newMember: boolean, limits: PostingLimits): void {
  const interval = kind === 'thread'
    ? (newMember ? limits.newMemberThreadIntervalSeconds : limits.threadIntervalSeconds)
    : (newMember ? limits.newMemberPostIntervalSeconds : limits.postIntervalSeconds);
  const last = kind === 'thread' ? history.lastThreadAt : history.lastPostAt;
  const waited = last ? (Date.now() - last.getTime()) / 1000 : Infinity;
  if (waited < interval) {
    const wait = Math.max(1, Math.ceil(interval - waited));
    throw new RateLimitedError(withWait('You are posting too quickly.', wait), wait);
  }
  const perDay = kind === 'thread' ? (newMember ? limits.newMemberThreadsPerDay : limits.threadsPerDay) : (newMember ? limits.newMemberRepliesPerDay : Infinity);
  const today = kind === 'thread' ? history.threadsToday : history.repliesToday;
  if (today >= perDay) {
    const message = newMember ? 'New members post a little less each day until they have taken part for a while.' : 'You have started as many threads as one day allows.';
    throw new RateLimitedError(`${message} Try again tomorrow.`, 86_400);
  }
}

async function assertNotDuplicate(tx: Db, authorId: number, body: string, limits: PostingLimits): Promise<void> {
  const [same] = await tx
    .select({ n: count() })
    .from(posts)
    .where(and(eq(posts.authorId, authorId), gt(posts.createdAt, sql`now() - make_interval(mins => ${limits.duplicateWindowMinutes})`), eq(posts.body, body), isNull(posts.deletedAt)));
  if (same!.n > 0) throw new ConflictError('You posted exactly this a moment ago.');
}

function assertNewMemberContent(bodyHtml: string, limits: PostingLimits): void {
  const links = bodyHtml.match(/<a\s[^>]*href="https?:/g)?.length ?? 0;
  const images = bodyHtml.match(/<img\s/g)?.length ?? 0;
  if (images > limits.newMemberImages) {
    throw new InvalidInputError('New members cannot add images yet: take part in a few conversations first.', { body: ['Remove the images for now.'] });
  }
  if (links > limits.newMemberLinks) {
    throw new InvalidInputError(`New members can add at most ${limits.newMemberLinks} links to a post.`, { body: ['Remove some links for now.'] });
  }
}

async function assertEditAllowance(tx: Db, authorId: number, limits: PostingLimits): Promise<void> {
  const limit = { max: limits.editsPerHour, windowSeconds: 3600 };
  const bucket = `edit:${authorId}`;
  await assertUnderLimit(tx, bucket, limit, 'You have edited many posts lately.');
  await recordHit(tx, bucket, limit);
}
