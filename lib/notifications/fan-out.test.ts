import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToGroup, createGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { groupMembers, groupSubscriptions, members, notificationJobs, notifications } from '@/db/schema';
import { intArray } from '@/db/sql-arrays';
import type { Viewer } from '../context';
import { reviewJoinRequest } from '../groups/review-join-request';
import { requestToJoin } from '../groups/request-to-join';
import { createReply } from '../posts/create-reply';
import { deletePost } from '../posts/delete-post';
import { closeThread } from '../moderation/close-thread';
import { mergeThread } from '../moderation/merge-thread';
import { moveThread } from '../moderation/move-thread';
import { editPost } from '../posts/edit-post';
import { createThread } from '../threads/create-thread';
import { fanOutPost, fanOutPosts } from './fan-out';
import { followMember } from './follow-member';
import { listNotifications, markAllNotificationsRead, openNotification, unreadCount } from './list-notifications';
import { drainNotificationJobs } from './notification-jobs';
import { setGroupLevel, setThreadLevel } from './notification-levels';

const ctxOf = (viewer: Viewer) => ({ db: testDb(), viewer });

async function chapter(visibility: 'public' | 'private' = 'public') {
  const fixture = await createThreadFixture({ visibility });
  const join = async (name?: string) => {
    const m = viewerOf(await createMember(name ? { name } : {}));
    await addToGroup(fixture.group.id, m.id);
    return m;
  };
  return { ...fixture, owner: viewerOf(fixture.owner), join };
}

/** Writes a reply and runs its fan-out now (the worker would, within a second). */
async function replyAndFanOut(author: Viewer, threadId: number, body: string, replyToNumber?: number) {
  const ref = await createReply(ctxOf(author), { threadId, body, replyToNumber });
  await fanOutPost(testDb(), ref.postId);
  return ref;
}

const inbox = async (memberId: number) =>
  testDb().select({ kind: notifications.kind, postId: notifications.postId, emailDueAt: notifications.emailDueAt, data: notifications.data }).from(notifications).where(eq(notifications.memberId, memberId));
const handleOf = async (memberId: number) => (await testDb().select({ handle: members.handle }).from(members).where(eq(members.id, memberId)))[0]!.handle;

describe('who hears about a new post', () => {
  it('the thread\'s author hears of a reply once, by email too, however often the fan-out runs', async () => {
    const { thread, owner, join } = await chapter();
    const replier = await join();
    const ref = await replyAndFanOut(replier, thread.id, 'I know one in Rabat.');
    await fanOutPost(testDb(), ref.postId);
    const got = await inbox(owner.id);
    expect(got).toMatchObject([{ kind: 'reply', postId: ref.postId }]);
    expect(got[0]!.emailDueAt).not.toBeNull();
    expect(await inbox(replier.id)).toEqual([]);
  });

  it('a reply to a reply tells the author of the post it answers', async () => {
    const { thread, owner, join } = await chapter();
    const first = await join();
    const second = await join();
    await replyAndFanOut(first, thread.id, 'Try Maître Alami.');
    const ref = await replyAndFanOut(second, thread.id, 'Seconded, she is great.', 2);
    expect((await inbox(first.id)).map((n) => n.kind)).toEqual(['reply']);
    expect((await inbox(owner.id)).filter((n) => n.postId === ref.postId)).toEqual([]);
  });

  it('watchers of the thread or the group hear of every post; muting silences even a mention; the thread setting beats the group\'s', async () => {
    const { group, thread, owner, join } = await chapter();
    const watcher = await join();
    const groupWatcher = await join();
    const quietHere = await join();
    const muted = await join();
    await setThreadLevel(ctxOf(watcher), { threadId: thread.id, level: 'watching' });
    await setGroupLevel(ctxOf(groupWatcher), { groupSlug: group.slug, level: 'watching' });
    await setGroupLevel(ctxOf(quietHere), { groupSlug: group.slug, level: 'watching' });
    await setThreadLevel(ctxOf(quietHere), { threadId: thread.id, level: 'normal' });
    await setThreadLevel(ctxOf(muted), { threadId: thread.id, level: 'muted' });
    await replyAndFanOut(owner, thread.id, `Update for everyone, and @${await handleOf(muted.id)} too.`);
    expect((await inbox(watcher.id)).map((n) => n.kind)).toEqual(['watched_post']);
    expect((await inbox(groupWatcher.id)).map((n) => n.kind)).toEqual(['watched_post']);
    expect(await inbox(quietHere.id)).toEqual([]);
    expect(await inbox(muted.id)).toEqual([]);
    expect((await inbox(watcher.id))[0]!.emailDueAt).toBeNull();
  });

  it('a mention notifies a reader; a mentioned outsider of a private group is not told, and the author hears that', async () => {
    const { thread, owner, join } = await chapter('private');
    const insider = await join('Leïla Benali');
    const outsider = viewerOf(await createMember({ name: 'Omar Outsider' }));
    const ref = await replyAndFanOut(owner, thread.id, `@${await handleOf(insider.id)} and @${await handleOf(outsider.id)}, thoughts? Also @nobody-at-all.`);
    expect((await inbox(insider.id)).map((n) => n.kind)).toEqual(['mention']);
    expect(await inbox(outsider.id)).toEqual([]);
    expect(await inbox(owner.id)).toMatchObject([{ kind: 'mention_not_notified', postId: ref.postId, data: { names: ['Omar Outsider'] } }]);
  });

  it('10,000 mentions in one post notify at most ten people, without error', async () => {
    const { thread, owner, join } = await chapter();
    const people = await Promise.all(Array.from({ length: 12 }, () => join()));
    const handles = await Promise.all(people.map((p) => handleOf(p.id)));
    const body = [...handles, ...Array.from({ length: 10_000 }, (_, i) => `ghost${i}`)].map((h) => `@${h}`).join(' ');
    const ref = await replyAndFanOut(owner, thread.id, body.slice(0, 32_000));
    const told = await testDb().select().from(notifications).where(and(eq(notifications.postId, ref.postId), eq(notifications.kind, 'mention')));
    expect(told).toHaveLength(10);
  });

  it('followers hear of new threads in groups they can read, and of replies when they asked for posts', async () => {
    const { group, thread, join } = await chapter();
    const author = await join();
    const follower = viewerOf(await createMember());
    const keen = viewerOf(await createMember());
    await followMember(ctxOf(follower), { memberId: author.id });
    await followMember(ctxOf(keen), { memberId: author.id, includePosts: 'on' });
    const started = await createThread(ctxOf(author), { groupSlug: group.slug, title: 'Quarterly breakfast', body: 'Who is in?' });
    await fanOutPost(testDb(), started.postId);
    await replyAndFanOut(author, thread.id, 'Counting me in.');
    expect((await inbox(follower.id)).map((n) => n.kind)).toEqual(['followed_thread']);
    expect((await inbox(keen.id)).map((n) => n.kind).sort()).toEqual(['followed_post', 'followed_thread']);

    const secret = await chapter('private');
    await addToGroup(secret.group.id, author.id);
    const hidden = await createThread(ctxOf(author), { groupSlug: secret.group.slug, title: 'Members only', body: 'Private plans' });
    await fanOutPost(testDb(), hidden.postId);
    expect((await inbox(follower.id)).filter((n) => n.postId === hidden.postId)).toEqual([]);
  });

  it('posting stays fast with thousands of watchers: one job row, then one notification each', async () => {
    const { thread, owner, group } = await chapter();
    const db = testDb();
    const ids = await db.execute<{ id: number }>(sql`
      insert into members (email, name) select 'watcher-' || ${group.id} || '-' || n || '@example.test', 'Watcher ' || n from generate_series(1, 2000) n returning id`);
    await db.execute(sql`insert into thread_subscriptions (member_id, thread_id, level) select id, ${thread.id}, 'watching' from unnest(${intArray(ids.map((r) => r.id))}) id`);
    const ref = await createReply(ctxOf(owner), { threadId: thread.id, body: 'Big announcement.' });
    expect(await db.select().from(notificationJobs).where(eq(notificationJobs.postId, ref.postId))).toHaveLength(1);
    expect(await fanOutPost(db, ref.postId)).toBe(2000);
  });

  it('the worker drains jobs: a reply written is a notification soon after', async () => {
    const { thread, owner, join } = await chapter();
    const replier = await join();
    const ref = await createReply(ctxOf(replier), { threadId: thread.id, body: 'Drained by the worker.' });
    // Other test files queue jobs too (nothing drains them), so the worker may have older ones to run first.
    const drainedAndTold = async () => {
      await drainNotificationJobs(testDb(), 200);
      return (await inbox(owner.id)).map((n) => n.postId);
    };
    await expect.poll(drainedAndTold, { timeout: 60_000 }).toEqual([ref.postId]);
  });

  it('a batch tells each post to its own readers: a member of one chapter mentioned in two hears of the one she can read', async () => {
    const open = await chapter();
    const closed = await chapter('private');
    const both = await open.join('Nadia Both');
    const insider = await closed.join();
    const handle = await handleOf(both.id);
    const a = await createReply(ctxOf(open.owner), { threadId: open.thread.id, body: `@${handle} see this.` });
    const b = await createReply(ctxOf(insider), { threadId: closed.thread.id, body: `@${handle} and the owner, see this.` });
    expect(await fanOutPosts(testDb(), [{ postId: a.postId, mentionsOnly: false }, { postId: b.postId, mentionsOnly: false }])).toBe(2);
    expect(await inbox(both.id)).toMatchObject([{ kind: 'mention', postId: a.postId }]);
    expect(await inbox(closed.owner.id)).toMatchObject([{ kind: 'reply', postId: b.postId }]);
    expect(await inbox(insider.id)).toMatchObject([{ kind: 'mention_not_notified', postId: b.postId, data: { names: ['Nadia Both'] } }]);
  });

  it('a public circle of a private chapter is heard of by the chapter members only', async () => {
    const { group: chapterGroup, owner } = await chapter('private');
    const circle = await createGroup({ visibility: 'public', parentId: chapterGroup.id });
    await addToGroup(circle.id, owner.id, 'owner');
    const insider = viewerOf(await createMember());
    await addToGroup(chapterGroup.id, insider.id);
    const outsider = viewerOf(await createMember());
    const admin = viewerOf(await createMember({ isAdmin: true }));
    for (const watcher of [insider, outsider, admin]) await testDb().insert(groupSubscriptions).values({ memberId: watcher.id, groupId: circle.id, level: 'watching' });
    const ref = await createThread(ctxOf(owner), { groupSlug: circle.slug, title: 'Circle agenda', body: 'For the circle only.' });
    expect(await fanOutPosts(testDb(), [{ postId: ref.postId, mentionsOnly: false }])).toBe(2);
    expect(await inbox(insider.id)).toMatchObject([{ kind: 'watched_post', postId: ref.postId }]);
    expect(await inbox(admin.id)).toMatchObject([{ kind: 'watched_post', postId: ref.postId }]);
    expect(await inbox(outsider.id)).toEqual([]);
  });

  it('a job that fails waits with its reason while the rest of its batch is told', async () => {
    const { thread, owner, join } = await chapter();
    const failing = await createReply(ctxOf(await join()), { threadId: thread.id, body: 'This one cannot be told.' });
    const fine = await createReply(ctxOf(await join()), { threadId: thread.id, body: 'This one can.' });
    const db = testDb();
    // A real failure inside the fan-out's transaction, for this one post only.
    await db.execute(sql.raw(`
      create function pg_temp.refuse() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$;
      create trigger refuse_${failing.postId} before insert on notifications for each row when (new.post_id = ${failing.postId}) execute function pg_temp.refuse()`));
    try {
      await expect.poll(async () => {
        await drainNotificationJobs(db, 200);
        return (await inbox(owner.id)).map((n) => n.postId);
      }, { timeout: 60_000 }).toEqual([fine.postId]);
      const [job] = await db.select().from(notificationJobs).where(eq(notificationJobs.postId, failing.postId));
      expect(job).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/^PostgresError: refused for the test/) });
    } finally {
      await db.execute(sql.raw(`drop trigger refuse_${failing.postId} on notifications`));
    }
  });
});

describe('edits and thread actions', () => {
  it('an edit that adds a mention tells the newly mentioned only, once', async () => {
    const { thread, owner, join } = await chapter();
    const friend = await join();
    const lateWatcher = await join();
    const ref = await replyAndFanOut(owner, thread.id, 'Draft agenda.');
    await setThreadLevel(ctxOf(lateWatcher), { threadId: thread.id, level: 'watching' });
    const edit = { postId: ref.postId, body: `Draft agenda, @${await handleOf(friend.id)} please check.` };
    await editPost(ctxOf(owner), edit);
    const [job] = await testDb().select().from(notificationJobs).where(and(eq(notificationJobs.postId, ref.postId), eq(notificationJobs.mentionsOnly, true)));
    await fanOutPost(testDb(), ref.postId, { mentionsOnly: job!.mentionsOnly });
    await editPost(ctxOf(owner), { ...edit, body: `${edit.body} Thanks!` });
    await fanOutPost(testDb(), ref.postId, { mentionsOnly: true });
    expect((await inbox(friend.id)).map((n) => n.kind)).toEqual(['mention']);
    expect(await inbox(lateWatcher.id)).toEqual([]);
  });

  it('the author of a thread hears that a moderator closed it, with the reason', async () => {
    const { group, join } = await chapter();
    const starter = await join();
    const started = await createThread(ctxOf(starter), { groupSlug: group.slug, title: 'Spring fair stands', body: 'Who takes one?' });
    const moderator = viewerOf(await createMember({ isAdmin: true }));
    await closeThread(ctxOf(moderator), { threadId: started.threadId, reason: 'All stands are taken' });
    expect(await inbox(starter.id)).toMatchObject([{ kind: 'moderation', data: { action: 'close', reason: 'All stands are taken' } }]);
  });
});

describe('reading notifications', () => {
  it('lists them with links to the exact post, counts unread, and marks one or all read', async () => {
    const { thread, owner, join } = await chapter();
    const a = await join();
    await replyAndFanOut(a, thread.id, 'First answer.');
    await replyAndFanOut(a, thread.id, 'Second answer.');
    const list = await listNotifications(ctxOf(owner), {});
    expect(list.notifications).toMatchObject([
      { kind: 'reply', actorName: a.name, excerpt: 'Second answer.', href: `/t/${thread.id}?page=1#p3` },
      { kind: 'reply', excerpt: 'First answer.' },
    ]);
    expect(await unreadCount(ctxOf(owner))).toBe(2);
    await expect(openNotification(ctxOf(owner), { id: list.notifications[1]!.id })).resolves.toBe(`/t/${thread.id}?page=1#p2`);
    expect(await unreadCount(ctxOf(owner))).toBe(1);
    await expect(openNotification(ctxOf(a), { id: list.notifications[0]!.id })).rejects.toThrow('No such notification.');
    await markAllNotificationsRead(ctxOf(owner));
    expect(await unreadCount(ctxOf(owner))).toBe(0);
  });

  it('news from a private group disappears, count included, once the member leaves it', async () => {
    const { group, thread, join } = await chapter('private');
    const watcher = await join();
    const poster = await join();
    await setThreadLevel(ctxOf(watcher), { threadId: thread.id, level: 'watching' });
    await replyAndFanOut(poster, thread.id, 'Confidential numbers.');
    expect(await unreadCount(ctxOf(watcher))).toBe(1);
    await testDb().delete(groupMembers).where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.memberId, watcher.id)));
    expect(await unreadCount(ctxOf(watcher))).toBe(0);
    expect((await listNotifications(ctxOf(watcher), {})).notifications).toEqual([]);
    await replyAndFanOut(poster, thread.id, 'More confidential numbers.');
    expect(await inbox(watcher.id)).toHaveLength(1);
  });

  it('follow a post where a moderator takes it: gone once moved to a group the member cannot read, and opening at its new place after a merge', async () => {
    const { thread, owner, join, group } = await chapter();
    const replier = await join();
    await replyAndFanOut(replier, thread.id, 'Meet on Friday?');
    const secret = await createGroup({ visibility: 'private' });
    await addToGroup(secret.id, owner.id, 'owner');
    const other = await createThread(ctxOf(owner), { groupSlug: group.slug, title: 'Friday meetings', body: 'All about Fridays.' });
    await mergeThread(ctxOf(owner), { threadId: thread.id, intoThreadId: other.threadId });
    const [told] = (await listNotifications(ctxOf(owner), {})).notifications;
    expect(told).toMatchObject({ threadId: other.threadId, href: `/t/${other.threadId}?page=1#p3` });
    await expect(openNotification(ctxOf(owner), { id: told!.id })).resolves.toBe(`/t/${other.threadId}?page=1#p3`);

    const watcher = await join();
    await setThreadLevel(ctxOf(watcher), { threadId: other.threadId, level: 'watching' });
    await replyAndFanOut(replier, other.threadId, 'Friday works for me.');
    expect(await unreadCount(ctxOf(watcher))).toBe(1);
    await moveThread(ctxOf(owner), { threadId: other.threadId, toGroupSlug: secret.slug });
    expect(await unreadCount(ctxOf(watcher))).toBe(0);
    expect((await listNotifications(ctxOf(watcher), {})).notifications).toEqual([]);
  });

  it('members hear of moderators acting on their posts, with the reason, and of their join request approved', async () => {
    const { thread, owner, join } = await chapter();
    const author = await join();
    const ref = await createReply(ctxOf(author), { threadId: thread.id, body: 'Buy now!' });
    await deletePost(ctxOf(owner), { postId: ref.postId, reason: 'No selling here' });
    expect(await inbox(author.id)).toMatchObject([{ kind: 'moderation', data: { action: 'delete_post', reason: 'No selling here' } }]);

    const closed = await chapter('private');
    await testDb().execute(sql`update groups set join_policy = 'request' where id = ${closed.group.id}`);
    const applicant = viewerOf(await createMember());
    await requestToJoin(ctxOf(applicant), { groupSlug: closed.group.slug });
    const [request] = await testDb().execute<{ id: number }>(sql`select id from join_requests where member_id = ${applicant.id}`);
    await reviewJoinRequest(ctxOf(closed.owner), { requestId: request!.id, decision: 'approve' });
    expect((await listNotifications(ctxOf(applicant), {})).notifications).toMatchObject([{ kind: 'join_approved', groupName: closed.group.name, href: `/g/${closed.group.slug}` }]);
  });
});

describe('handles', () => {
  it('are derived from names in any script, and kept unique', async () => {
    const arabic = await createMember({ name: 'أمينة حداد' });
    const twin = await createMember({ name: 'أمينة حداد' });
    expect(arabic.handle).toBe('أمينة.حداد');
    expect(twin.handle).toBe(`أمينة.حداد.${twin.id}`);
    // Vowel signs are marks, not letters: Hindi names must keep them.
    expect((await createMember({ name: 'प्रिया शर्मा' })).handle).toMatch(/^प्रिया\.शर्मा(\.\d+)?$/);
    expect((await createMember({ name: 'Jean-Pierre O\'Neil (CEO)' })).handle).toMatch(/^jean-pierre.oneil.ceo(\.\d+)?$/);
  });
});
