import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { groupMembers, mailOutbox, members, notifications, posts, unsubscribeTokens } from '@/db/schema';
import { addToGroup, createGroup, createMember, createThreadFixture, testDb, viewerOf } from '@/db/test/factories';
import { InvalidInputError } from '../../errors';
import { deliverPendingMail } from '../../mail/deliver-pending-mail';
import { startTestSmtpServer, type TestSmtpServer } from '../../mail/test-smtp-server';
import { createMailTransport, type MailTransport } from '../../mail/transport';
import { createReply } from '../../posts/create-reply';
import { createThread } from '../../threads/create-thread';
import { sendDigests } from './digest';
import { getEmailPreferences, updateEmailPreferences } from './email-preferences';
import { sendReplyEmails } from './send-reply-emails';
import { purgeOldUnsubscribeTokens, unsubscribe } from './unsubscribe';

let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  process.env.SMTP_URL = smtp.url;
  transport = createMailTransport();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

type Member = Awaited<ReturnType<typeof createMember>>;
const MINUTE = 60_000;

/** Sends this member's queued mail through the real SMTP server and returns what it received for them. */
async function inbox(member: Member) {
  await deliverPendingMail(getDb(), transport, 50, [member.email]);
  return smtp.received.filter((m) => m.to.includes(member.email));
}

const outboxOf = (member: Member) => testDb().select().from(mailOutbox).where(eq(mailOutbox.toAddress, member.email));
const memberRow = async (member: Member) => (await testDb().select().from(members).where(eq(members.id, member.id)))[0]!;
const tokenOf = (header: string | undefined) => /token=([\w-]+)>$/.exec(header ?? '')?.[1];

/** A private group's thread, a reader in it, and Omar, who writes the posts the reader hears about. */
async function scene(readerOverrides: Partial<typeof members.$inferInsert> = {}) {
  const { group, thread } = await createThreadFixture({ visibility: 'private', joinPolicy: 'invite' });
  const reader = await createMember({ name: 'Salma Reader', ...readerOverrides });
  const omar = await createMember({ name: 'Omar <Haddad>' });
  await addToGroup(group.id, reader.id);
  await addToGroup(group.id, omar.id);
  const post = async (body: string) => {
    const ref = await createReply({ db: testDb(), viewer: viewerOf(omar) }, { threadId: thread.id, body });
    const [row] = await testDb().select().from(posts).where(eq(posts.id, ref.postId));
    return row!;
  };
  const notify = async (p: { id: number; number: number }, kind: 'mention' | 'reply', emailDueAt: Date, extra: Partial<typeof notifications.$inferInsert> = {}) => {
    const [row] = await testDb()
      .insert(notifications)
      .values({ memberId: reader.id, kind, postId: p.id, threadId: thread.id, groupId: group.id, actorId: omar.id, emailDueAt, ...extra })
      .returning();
    return row!;
  };
  return { group, thread, reader, omar, post, notify };
}

// Due a minute ago, or still inside the batch window: a pass gathers both.
const dueNow = () => new Date(Date.now() - MINUTE);
const dueSoon = () => new Date(Date.now() + 2 * MINUTE);

describe('reply and mention emails', () => {
  it('batch several notifications into one email in the reader’s language, with one-click unsubscribe', async () => {
    const { thread, reader, post, notify } = await scene({ locale: 'fr' });
    const first = await post('Je connais **maître Benali** à Rabat, très bien pour les successions.');
    const second = await post(`Voici une longue réponse. ${'Tout le détail compte ici. '.repeat(30)}`);
    await notify(first, 'mention', dueNow());
    await notify(second, 'reply', dueSoon());

    await sendReplyEmails(getDb());
    expect(await outboxOf(reader)).toHaveLength(1);
    const pending = await testDb().select().from(notifications).where(eq(notifications.memberId, reader.id));
    expect(pending.map((n) => n.emailDueAt)).toEqual([null, null]);

    const [mail, ...more] = await inbox(reader);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('2 nouvelles réponses et mentions sur Cercle');
    expect(mail!.text).toContain('Omar <Haddad> vous a mentionné dans « Looking for a notary »');
    expect(mail!.text).toContain('Omar <Haddad> vous a répondu dans « Looking for a notary »');
    expect(mail!.text).toContain('Je connais maître Benali à Rabat');
    expect(mail!.text).toContain(`/t/${thread.id}?page=1#p${first.number}`);
    expect(mail!.text).toContain(`/t/${thread.id}?page=1#p${second.number}`);
    const longExcerpt = mail!.text.split(/\r?\n/).find((line) => line.startsWith('> Voici'))!;
    expect(longExcerpt.length).toBeLessThanOrEqual(2 + 300);
    expect(longExcerpt).toMatch(/…$/);
    expect(mail!.html).toContain('Omar &lt;Haddad&gt;');
    expect(mail!.html).not.toContain('<Haddad>');
    expect(mail!.html).toContain('lang="fr"');
    expect(mail!.text).toContain('Ne plus recevoir d’e-mails pour les mentions et réponses: http');

    expect(mail!.headers.get('list-unsubscribe')).toMatch(/^<https?:\/\/[^>]+\/api\/unsubscribe\?token=[\w-]+>$/);
    expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // The mail client's one-click POST: no sign-in, the token is the proof.
    const result = await unsubscribe({ db: testDb(), viewer: null }, { token: tokenOf(mail!.headers.get('list-unsubscribe')) });
    expect(result).toEqual({ scope: 'replies', alreadyDone: false });
    expect((await memberRow(reader)).emailReplies).toBe(false);

    // Nothing is left to send.
    await sendReplyEmails(getDb());
    expect(await outboxOf(reader)).toHaveLength(1);
  });

  it('name the one notification in the subject, and leave out what was read in the app', async () => {
    const { reader, post, notify } = await scene();
    const read = await post('Already seen in the app.');
    const fresh = await post('Have you asked the chamber of commerce?');
    await notify(read, 'reply', dueNow(), { readAt: new Date() });
    await notify(fresh, 'mention', dueNow());

    await sendReplyEmails(getDb());
    const [mail] = await inbox(reader);
    expect(mail!.subject).toBe('Omar <Haddad> mentioned you in “Looking for a notary”');
    expect(mail!.text).toContain('Have you asked the chamber of commerce?');
    expect(mail!.text).not.toContain('Already seen in the app.');
    expect(mail!.html).toContain('lang="en"');
  });

  it('re-check at send time: a group left, a post deleted or hidden carry nothing, and no email is sent', async () => {
    const { group, reader, post, notify } = await scene();
    const deleted = await post('Deleted since.');
    const hidden = await post('Hidden since.');
    const inLeftGroup = await post('The reader has left this group.');
    await notify(deleted, 'reply', dueNow());
    await notify(hidden, 'reply', dueNow());
    await testDb().update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, deleted.id));
    await testDb().update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, hidden.id));
    await notify(inLeftGroup, 'mention', dueNow());
    await testDb().delete(groupMembers).where(eq(groupMembers.memberId, reader.id));

    await sendReplyEmails(getDb());
    expect(await outboxOf(reader)).toHaveLength(0);
    expect(await inbox(reader)).toHaveLength(0);
    const left = await testDb().select().from(notifications).where(eq(notifications.memberId, reader.id));
    expect(left.every((n) => n.emailDueAt === null)).toBe(true);
    expect(group.visibility).toBe('private');
  });

  it('send nothing to a member who turned them off, and clear what was due', async () => {
    const { reader, post, notify } = await scene({ emailReplies: false });
    const n = await notify(await post('Nobody will email this.'), 'mention', dueNow());
    await sendReplyEmails(getDb());
    expect(await outboxOf(reader)).toHaveLength(0);
    const [after] = await testDb().select().from(notifications).where(eq(notifications.id, n.id));
    expect(after!.emailDueAt).toBeNull();
  });

  it('send nothing to a suspended member', async () => {
    const { reader, post, notify } = await scene({ suspendedUntil: new Date(Date.now() + 7 * 24 * 60 * MINUTE), suspendedReason: 'Spam' });
    await notify(await post('Suspended readers are not mailed.'), 'reply', dueNow());
    await sendReplyEmails(getDb());
    expect(await outboxOf(reader)).toHaveLength(0);
  });

  it('wait for the batch window before sending', async () => {
    const { reader, post, notify } = await scene();
    await notify(await post('Not yet.'), 'reply', new Date(Date.now() + MINUTE));
    await sendReplyEmails(getDb());
    expect(await outboxOf(reader)).toHaveLength(0);
    await sendReplyEmails(getDb(), new Date(Date.now() + 1.5 * MINUTE));
    expect(await outboxOf(reader)).toHaveLength(1);
  });
});

describe('unsubscribe links', () => {
  const tokenFor = async () => {
    const { reader, post, notify } = await scene();
    await notify(await post('Something worth an email.'), 'reply', dueNow());
    await sendReplyEmails(getDb());
    const [queued] = await outboxOf(reader);
    return { reader, token: tokenOf(queued!.headers?.['List-Unsubscribe'])! };
  };

  it('refuse a forged or expired token and change nothing', async () => {
    const { reader, token } = await tokenFor();
    const forged = unsubscribe({ db: testDb(), viewer: null }, { token: 'A'.repeat(43) });
    await expect(forged).rejects.toThrow(InvalidInputError);
    await expect(forged).rejects.toThrow('This unsubscribe link is not valid.');
    await expect(unsubscribe({ db: testDb(), viewer: null }, {})).rejects.toThrow('This unsubscribe link is not valid.');

    await testDb().update(unsubscribeTokens).set({ createdAt: new Date(Date.now() - 91 * 24 * 60 * MINUTE) }).where(eq(unsubscribeTokens.memberId, reader.id));
    await expect(unsubscribe({ db: testDb(), viewer: null }, { token })).rejects.toThrow('This unsubscribe link is not valid.');
    expect((await memberRow(reader)).emailReplies).toBe(true);
  });

  it('delete tokens past their age, and keep younger ones', async () => {
    const { reader } = await tokenFor();
    const { reader: other } = await tokenFor();
    await testDb().update(unsubscribeTokens).set({ createdAt: new Date(Date.now() - 91 * 24 * 60 * MINUTE) }).where(eq(unsubscribeTokens.memberId, reader.id));
    await purgeOldUnsubscribeTokens(testDb());
    expect(await testDb().select().from(unsubscribeTokens).where(eq(unsubscribeTokens.memberId, reader.id))).toEqual([]);
    expect(await testDb().select().from(unsubscribeTokens).where(eq(unsubscribeTokens.memberId, other.id))).toHaveLength(1);
  });

  it('recognise a used token the second time without applying it again', async () => {
    const { reader, token } = await tokenFor();
    expect(await unsubscribe({ db: testDb(), viewer: null }, { token })).toEqual({ scope: 'replies', alreadyDone: false });
    await updateEmailPreferences({ db: testDb(), viewer: viewerOf(reader) }, { emailReplies: 'on', digest: 'off' });
    expect(await unsubscribe({ db: testDb(), viewer: null }, { token })).toEqual({ scope: 'replies', alreadyDone: true });
    expect((await memberRow(reader)).emailReplies).toBe(true);
  });
});

describe('email preferences', () => {
  it('change only the signed-in member’s own settings, and refuse an unknown frequency', async () => {
    const me = await createMember();
    const other = await createMember();
    const ctx = { db: testDb(), viewer: viewerOf(me) };
    expect(await getEmailPreferences(ctx)).toEqual({ emailReplies: true, digest: 'off' });
    // An unchecked box sends nothing.
    await updateEmailPreferences(ctx, { digest: 'weekly', memberId: String(other.id) });
    expect(await getEmailPreferences(ctx)).toEqual({ emailReplies: false, digest: 'weekly' });
    expect(await getEmailPreferences({ db: testDb(), viewer: viewerOf(other) })).toEqual({ emailReplies: true, digest: 'off' });
    await expect(updateEmailPreferences(ctx, { emailReplies: 'on', digest: 'hourly' })).rejects.toThrow('Choose how often to receive a summary.');
  });
});

describe('digests', () => {
  // Posts are dated in a past no other test writes to, so the most active threads are this test's own.
  const since = new Date('2001-03-01T00:00:00Z');
  const now = new Date('2001-03-02T06:00:00Z');

  async function threadWithReplies(group: { id: number; slug: string }, author: Member, title: string, replies: number) {
    const writer = await createMember();
    await addToGroup(group.id, writer.id);
    const ref = await createThread({ db: testDb(), viewer: viewerOf(author) }, { groupSlug: group.slug, title, body: `Opening post of ${title}.` });
    for (let i = 0; i < replies; i++) await createReply({ db: testDb(), viewer: viewerOf(writer) }, { threadId: ref.threadId, body: `Reply ${i} in ${title}.` });
    return ref.threadId;
  }

  it('list the most active threads the member can read, and none of a private group they are not in', async () => {
    const reader = await createMember({ digest: 'daily', lastDigestAt: since });
    const owner = await createMember();
    const open = await createGroup({ name: 'Casablanca Open Club' });
    const closed = await createGroup({ name: 'Secret Circle', visibility: 'private', joinPolicy: 'invite' });
    const mine = await createGroup({ name: 'My Private Chapter', visibility: 'private', joinPolicy: 'invite' });
    for (const g of [open, closed, mine]) await addToGroup(g.id, owner.id, 'owner');
    await addToGroup(mine.id, reader.id);
    const suffix = reader.id;
    const busy = await threadWithReplies(open, owner, `Busy public thread ${suffix}`, 3);
    const quiet = await threadWithReplies(open, owner, `Quiet public thread ${suffix}`, 1);
    await threadWithReplies(closed, owner, `Secret thread ${suffix}`, 6);
    await threadWithReplies(mine, owner, `Chapter thread ${suffix}`, 2);
    await testDb()
      .update(posts)
      .set({ createdAt: new Date('2001-03-01T12:00:00Z') })
      .where(inArray(posts.threadId, (await testDb().select({ id: posts.threadId }).from(posts).where(eq(posts.authorId, owner.id))).map((r) => r.id)));

    await sendDigests(getDb(), now);
    const [mail, ...more] = await inbox(reader);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Your daily summary from Cercle');
    expect(mail!.text).toContain(`Busy public thread ${suffix} in Casablanca Open Club (4 new posts)`);
    expect(mail!.text).toContain(`Chapter thread ${suffix} in My Private Chapter (3 new posts)`);
    expect(mail!.text).toContain(`Quiet public thread ${suffix} in Casablanca Open Club (2 new posts)`);
    expect(mail!.text.indexOf(`Busy public thread ${suffix}`)).toBeLessThan(mail!.text.indexOf(`Quiet public thread ${suffix}`));
    expect(mail!.text).toContain(`/t/${busy}`);
    expect(mail!.text).toContain(`/t/${quiet}`);
    expect(mail!.text).not.toContain('Secret');
    expect(mail!.html).not.toContain('Secret');
    expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect((await memberRow(reader)).lastDigestAt).toEqual(now);

    // Not due again until a day has passed.
    await sendDigests(getDb(), new Date(now.getTime() + 60 * MINUTE));
    expect(await outboxOf(reader)).toHaveLength(1);

    expect(await unsubscribe({ db: testDb(), viewer: null }, { token: tokenOf(mail!.headers.get('list-unsubscribe')) })).toEqual({ scope: 'digest', alreadyDone: false });
    expect((await memberRow(reader)).digest).toBe('off');
  });

  it('only move the clock when nothing new happened', async () => {
    const reader = await createMember({ digest: 'weekly', lastDigestAt: new Date('1999-01-01T00:00:00Z') });
    const at = new Date('1999-01-09T00:00:00Z');
    await sendDigests(getDb(), at);
    expect(await outboxOf(reader)).toHaveLength(0);
    expect((await memberRow(reader)).lastDigestAt).toEqual(at);
  });
});
