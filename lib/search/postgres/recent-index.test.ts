/**
 * The recent posts' index (search_recent_posts) answers searches for frequent words found
 * together. It must follow every change search_posts follows, a move into a private group
 * above all; these tests read it directly and search through it.
 */
import { randomBytes } from 'node:crypto';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, testDb, viewerOf } from '@/db/test/factories';
import { drainSearchOutboxAlone } from '@/db/test/search-drain';
import type { EngineQuery } from '../engine';
import { moveThread } from '../../moderation/move-thread';
import { createReply } from '../../posts/create-reply';
import { deletePost } from '../../posts/delete-post';
import { createThread } from '../../threads/create-thread';
import { parseSearchQuery } from '../query-syntax';
import { buildTsquery } from './build-tsquery';
import { indexPosts, RECENT_WINDOW } from './index-posts';
import { postgresEngine } from './postgres-engine';
import { searchPosts } from './search-posts';

const db = testDb();
const word = () => `zq${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const drain = () => drainSearchOutboxAlone(postgresEngine);

async function recentRow(postId: number) {
  const [row] = await db.execute<{ group_id: number }>(sql`select group_id from search_recent_posts where post_id = ${postId}`);
  return row ?? null;
}

/** A search made to go through the recent posts' index, as one for two frequent words would on a large forum. */
async function searchRecent(q: string, groupIds: number[]) {
  const query: EngineQuery = { terms: parseSearchQuery(q).terms, groupIds, inTitle: false, order: 'relevance', prefix: false, offset: 0, limit: 1 };
  const built = await buildTsquery(db, query.terms, { prefix: false, inTitle: false });
  const huge = Number.MAX_SAFE_INTEGER;
  return searchPosts(db, query, { ...built, estimatedMatches: 1, rarestWordPosts: huge, indexedPosts: huge });
}

describe('the recent posts index', () => {
  it('follows a thread moved into a private group, so outsiders searching it find nothing', async () => {
    const open = await createGroup({ visibility: 'public', joinPolicy: 'open' });
    const closed = await createGroup({ visibility: 'private', joinPolicy: 'invite' });
    const moderator = viewerOf(await createMember());
    await addToGroup(open.id, moderator.id, 'owner');
    await addToGroup(closed.id, moderator.id, 'owner');
    const secret = word();
    const ref = await createThread({ db, viewer: moderator }, { groupSlug: open.slug, title: 'Supplier shortlist', body: 'Who do you use?' });
    const reply = await createReply({ db, viewer: moderator }, { threadId: ref.threadId, body: `Ask ${secret} first.` });
    await drain();
    expect(await recentRow(reply.postId)).toEqual({ group_id: open.id });
    const before = await searchRecent(secret, [open.id]);
    expect(before.hits.map((h) => h.postId)).toEqual([reply.postId]);
    expect(before.capped).toBe(true);

    await moveThread({ db, viewer: moderator }, { threadId: ref.threadId, toGroupSlug: closed.slug, reason: 'Members only' });
    await drain();
    expect(await recentRow(reply.postId)).toEqual({ group_id: closed.id });
    expect((await searchRecent(secret, [open.id])).hits).toEqual([]);
  });

  it('lets a deleted post go', async () => {
    const group = await createGroup({ visibility: 'public', joinPolicy: 'open' });
    const author = viewerOf(await createMember());
    await addToGroup(group.id, author.id, 'owner');
    const gone = word();
    const ref = await createThread({ db, viewer: author }, { groupSlug: group.slug, title: 'Venue ideas', body: `The ${gone} hall.` });
    await drain();
    expect(await recentRow(ref.postId)).not.toBeNull();
    await deletePost({ db, viewer: author }, { postId: ref.postId });
    await drain();
    expect(await recentRow(ref.postId)).toBeNull();
    expect((await searchRecent(gone, [group.id])).hits).toEqual([]);
  });

  it('takes older posts back in when the newest leave, so a search through it still finds them', async () => {
    const group = await createGroup({ visibility: 'public', joinPolicy: 'open' });
    const author = viewerOf(await createMember());
    await addToGroup(group.id, author.id, 'owner');
    const older = await createThread({ db, viewer: author }, { groupSlug: group.slug, title: 'Archive', body: 'Last year’s minutes.' });
    const newer = await createReply({ db, viewer: author }, { threadId: older.threadId, body: 'This year’s minutes.' });
    await drain();
    // The window as it stood while newer posts kept it short: everything up to the older post let go.
    // In a transaction rolled back at the end, so no other test sees the window cut.
    let restored: unknown;
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`delete from search_recent_posts where post_id <= ${older.postId}`);
        await indexPosts(tx, [newer.postId]);
        [restored] = await tx.execute(sql`select post_id from search_recent_posts where post_id = ${older.postId}`);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    expect(restored).toEqual({ post_id: older.postId });
  });

  it('holds the newest posts by count, even where deleted posts left a wide gap in the ids', async () => {
    const group = await createGroup({ visibility: 'public', joinPolicy: 'open' });
    const author = viewerOf(await createMember());
    await addToGroup(group.id, author.id, 'owner');
    const kept = word();
    const older = await createThread({ db, viewer: author }, { groupSlug: group.slug, title: 'Referral log', body: `Passed to ${kept} today.` });
    // As a purge of twice the window's worth of spam would leave them; sequences are not rolled back, so no other test is touched.
    await db.execute(sql`select setval(pg_get_serial_sequence('posts', 'id'), nextval(pg_get_serial_sequence('posts', 'id')) + ${2 * RECENT_WINDOW})`);
    await createReply({ db, viewer: author }, { threadId: older.threadId, body: 'And another one.' });
    await drain();
    expect(await recentRow(older.postId)).toEqual({ group_id: group.id });
    expect((await searchRecent(kept, [group.id])).hits.map((h) => h.postId)).toEqual([older.postId]);
  });
});
