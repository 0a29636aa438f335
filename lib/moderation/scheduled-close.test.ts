import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { drainingAlone } from '@/db/test/search-drain';
import { moderationLog, searchOutbox, threads } from '@/db/schema';
import { ConflictError, InvalidInputError } from '../errors';
import { createReply } from '../posts/create-reply';
import { closeDueThreads } from './close-due-threads';
import { cancelScheduledClose, closeThread } from './close-thread';

async function setup() {
  const fixture = await createThreadFixture();
  const moderator = await createMember();
  await addToGroup(fixture.group.id, moderator.id, 'moderator');
  return { ...fixture, mod: { db: testDb(), viewer: viewerOf(moderator) }, owner: viewerOf(fixture.owner) };
}

async function threadRow(id: number) {
  const [row] = await testDb().select().from(threads).where(eq(threads.id, id));
  return row!;
}

const actions = async (threadId: number) =>
  (await testDb().select().from(moderationLog).where(eq(moderationLog.threadId, threadId))).map((e) => `${e.action} by ${e.actorId}`).sort();

describe('scheduled close', () => {
  it('closes "in 1 day" when the day has come: replies are refused from that moment, the worker closes and logs it', async () => {
    const { thread, mod, owner } = await setup();
    await closeThread(mod, { threadId: thread.id, when: 'in:1', reason: 'Event is over' });
    const scheduled = await threadRow(thread.id);
    expect(scheduled.closed).toBe(false);
    expect(scheduled.closeAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    await createReply({ db: testDb(), viewer: owner }, { threadId: thread.id, body: 'Still time to answer' });

    await testDb().update(threads).set({ closeAt: sql`now() - interval '1 second'` }).where(eq(threads.id, thread.id));
    await expect(createReply({ db: testDb(), viewer: owner }, { threadId: thread.id, body: 'Too late' })).rejects.toBeInstanceOf(ConflictError);
    // Other test files' drains wait meanwhile: one would take the search change before it is looked for.
    await drainingAlone(async () => {
      expect(await closeDueThreads(testDb())).toBeGreaterThanOrEqual(1);
      const queued = await testDb().select().from(searchOutbox).where(and(eq(searchOutbox.subject, 'thread'), eq(searchOutbox.subjectId, thread.id)));
      expect(queued.length).toBeGreaterThan(0);
    });
    expect(await threadRow(thread.id)).toMatchObject({ closed: true, closedReason: 'Event is over', closeAt: null, closeScheduledById: null });
    expect(await actions(thread.id)).toEqual([`schedule_close by ${mod.viewer.id}`, `scheduled_close by ${mod.viewer.id}`].sort());
  });

  it('"3 days after the last post" waits while people keep writing', async () => {
    const { thread, mod, owner } = await setup();
    await closeThread(mod, { threadId: thread.id, when: 'idle:3' });
    await testDb().update(threads).set({ lastPostedAt: sql`now() - interval '2 days'` }).where(eq(threads.id, thread.id));
    await closeDueThreads(testDb());
    expect((await threadRow(thread.id)).closed).toBe(false);
    await createReply({ db: testDb(), viewer: owner }, { threadId: thread.id, body: 'A new post restarts the wait' });
    expect((await threadRow(thread.id)).closed).toBe(false);
    await testDb().update(threads).set({ lastPostedAt: sql`now() - interval '3 days 1 minute'` }).where(eq(threads.id, thread.id));
    await expect(createReply({ db: testDb(), viewer: owner }, { threadId: thread.id, body: 'Too late' })).rejects.toBeInstanceOf(ConflictError);
    await closeDueThreads(testDb());
    expect((await threadRow(thread.id)).closed).toBe(true);
  });

  it('can be cancelled once; closing now replaces it; stale and bad requests change nothing', async () => {
    const { thread, mod } = await setup();
    await expect(closeThread(mod, { threadId: thread.id, when: 'in:2' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(cancelScheduledClose(mod, { threadId: thread.id })).rejects.toBeInstanceOf(ConflictError);
    await closeThread(mod, { threadId: thread.id, when: 'in:7' });
    await cancelScheduledClose(mod, { threadId: thread.id });
    expect(await threadRow(thread.id)).toMatchObject({ closed: false, closeAt: null, closeAfterIdleDays: null });
    await closeThread(mod, { threadId: thread.id, when: 'idle:7' });
    await closeThread(mod, { threadId: thread.id, reason: 'Now' });
    expect(await threadRow(thread.id)).toMatchObject({ closed: true, closeAt: null, closeAfterIdleDays: null, closedReason: 'Now' });
    await expect(closeThread(mod, { threadId: thread.id, when: 'in:1' })).rejects.toBeInstanceOf(ConflictError);
  });
});
